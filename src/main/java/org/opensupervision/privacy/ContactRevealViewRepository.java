package org.opensupervision.privacy;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRevealViewRepository extends JpaRepository<ContactRevealView, Long> {

    List<ContactRevealView> findByTrackingNumberOrderByViewedAtAscIdAsc(String trackingNumber);
}
