package org.opensupervision.rules;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One evaluation of the supervision rules, with the facts, the verdict, which version of which table decided, and
 * every rule that matched: the record an office audits when it asks why a department was warned or escalated.
 */
@Entity
@Table(name = "supervision_rule_decision")
public class RuleDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tracking_number", nullable = false)
    private String trackingNumber;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private RuleTrigger trigger;

    private String category;

    @Column(name = "first_feedback_breaches", nullable = false)
    private long firstFeedbackBreaches;

    @Column(name = "handling_breaches", nullable = false)
    private long handlingBreaches;

    @Column(name = "bad_ratings", nullable = false)
    private long badRatings;

    @Column(name = "spot_check_discrepancies", nullable = false)
    private long spotCheckDiscrepancies;

    @Column(name = "red_cards", nullable = false)
    private long redCards;

    @Column(name = "yellow_cards", nullable = false)
    private long yellowCards;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RuleAction action;

    @Column(nullable = false)
    private int severity;

    @Column(length = 500)
    private String reason;

    @Column(name = "decision_key")
    private String decisionKey;

    @Column(name = "decision_definition_id")
    private String decisionDefinitionId;

    @Column(name = "decision_version")
    private Integer decisionVersion;

    @Column(name = "rule_id")
    private String ruleId;

    @Column(name = "matched_rules", length = 4000)
    private String matchedRules;

    @Column(name = "evaluated_tables", length = 1000, nullable = false)
    private String evaluatedTables;

    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;

    protected RuleDecision() {
    }

    RuleDecision(String trackingNumber, RuleVerdict verdict, Instant evaluatedAt) {
        RuleFacts facts = verdict.facts();
        this.trackingNumber = trackingNumber;
        this.departmentCode = facts.departmentCode();
        this.trigger = facts.trigger();
        this.category = facts.category();
        this.firstFeedbackBreaches = facts.firstFeedbackBreachesThisMonth();
        this.handlingBreaches = facts.handlingBreachesThisMonth();
        this.badRatings = facts.badRatingsThisMonth();
        this.spotCheckDiscrepancies = facts.spotCheckDiscrepanciesThisMonth();
        this.redCards = facts.redCardsThisMonth();
        this.yellowCards = facts.yellowCardsThisMonth();
        this.action = verdict.action();
        this.severity = verdict.severity();
        this.reason = verdict.reason();
        MatchedRule decidedBy = verdict.decidedBy();
        if (decidedBy != null) {
            this.decisionKey = decidedBy.decisionKey();
            this.decisionDefinitionId = decidedBy.decisionDefinitionId();
            this.decisionVersion = decidedBy.version();
            this.ruleId = decidedBy.ruleId();
        }
        this.matchedRules = String.join("; ", verdict.matched().stream().map(MatchedRule::citation).toList());
        this.evaluatedTables = String.join("; ", verdict.evaluatedTables());
        this.evaluatedAt = evaluatedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNumber() {
        return trackingNumber;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public RuleTrigger getTrigger() {
        return trigger;
    }

    public String getCategory() {
        return category;
    }

    public long getFirstFeedbackBreaches() {
        return firstFeedbackBreaches;
    }

    public long getHandlingBreaches() {
        return handlingBreaches;
    }

    public long getBadRatings() {
        return badRatings;
    }

    public long getSpotCheckDiscrepancies() {
        return spotCheckDiscrepancies;
    }

    public long getRedCards() {
        return redCards;
    }

    public long getYellowCards() {
        return yellowCards;
    }

    public RuleAction getAction() {
        return action;
    }

    public int getSeverity() {
        return severity;
    }

    public String getReason() {
        return reason;
    }

    public String getDecisionKey() {
        return decisionKey;
    }

    public String getDecisionDefinitionId() {
        return decisionDefinitionId;
    }

    public Integer getDecisionVersion() {
        return decisionVersion;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getMatchedRules() {
        return matchedRules;
    }

    public String getEvaluatedTables() {
        return evaluatedTables;
    }

    public Instant getEvaluatedAt() {
        return evaluatedAt;
    }
}
