package org.opensupervision.rules;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RuleDecisionRepository extends JpaRepository<RuleDecision, Long> {

    List<RuleDecision> findByTrackingNumberOrderByEvaluatedAt(String trackingNumber);
}
