package org.opensupervision.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.BreachKind;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.workflow.SupervisionProcesses.RuleCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three levels of supervision rules, evaluated together. Each level is a DMN table deployed and versioned by the
 * engine; the latest deployed version of each applies, so an office changes its rules by deploying a new version.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS)
public class SupervisionRules {

    private static final Logger log = LoggerFactory.getLogger(SupervisionRules.class);

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final RuntimeService runtime;
    private final MatchedRuleCapture capture;
    private final ComplaintRecords complaints;
    private final BadRatings badRatings;
    private final SpotCheckDiscrepancies discrepancies;
    private final ApprovalCardCounts cards;
    private final RuleDecisionRepository records;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    SupervisionRules(RepositoryService repository, DecisionService decisions, RuntimeService runtime,
                     MatchedRuleCapture capture, ComplaintRecords complaints, BadRatings badRatings,
                     SpotCheckDiscrepancies discrepancies, ApprovalCardCounts cards, RuleDecisionRepository records,
                     WorkingDayCalendar calendar, Clock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.runtime = runtime;
        this.capture = capture;
        this.complaints = complaints;
        this.badRatings = badRatings;
        this.discrepancies = discrepancies;
        this.cards = cards;
        this.records = records;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Evaluates the department's own table (if it has one), the common table and the discipline table, each at its
     * latest deployed version, and collects every matching rule.
     */
    public RuleVerdict evaluate(RuleFacts facts) {
        List<MatchedRule> matched = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        for (RuleLevel level : RuleLevel.values()) {
            String key = level.decisionKey(facts.departmentCode());
            DecisionDefinition table = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            if (table == null) {
                continue;
            }
            evaluated.add(key + " v" + table.getVersion());
            for (DmnDecisionTableEvaluationEvent event : capture.during(() ->
                    decisions.evaluateDecisionById(table.getId()).variables(facts.variables()).evaluate())) {
                for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                    matched.add(matchedRule(level, table, rule));
                }
            }
        }
        return new RuleVerdict(facts, List.copyOf(matched), List.copyOf(evaluated));
    }

    /** The facts of a case and of its department's record this month (China Standard Time), for the rules. */
    public RuleFacts facts(RuleTrigger trigger, String departmentCode, String category) {
        Instant monthStart = clock.instant().atZone(calendar.zone()).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)
                .toInstant();
        return new RuleFacts(trigger, category, departmentCode,
                complaints.countBreaches(departmentCode, BreachKind.FIRST_FEEDBACK, monthStart),
                complaints.countBreaches(departmentCode, BreachKind.HANDLING, monthStart),
                badRatings.countSince(departmentCode, monthStart),
                discrepancies.countSince(departmentCode, monthStart),
                cards.redCardsSince(departmentCode, monthStart), cards.yellowCardsSince(departmentCode, monthStart));
    }

    /** Evaluates the rules for a case and records the verdict with the tables and rules that made it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public RuleDecision decide(String trackingNumber, RuleTrigger trigger, String departmentCode, String category) {
        RuleVerdict verdict = evaluate(facts(trigger, departmentCode, category));
        RuleDecision decision = records.save(new RuleDecision(trackingNumber, verdict, clock.instant()));
        log.info("Rules on {} for {} ({}): {} severity {} by {}; matched {}", trackingNumber, departmentCode, trigger,
                verdict.action(), verdict.severity(), decision.getDecisionKey(), decision.getMatchedRules());
        return decision;
    }

    /**
     * Starts a rule check ({@code supervision-rule-check}) for the case; it runs in a job of its own after the
     * caller's transaction commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestCheck(String trackingNumber, String departmentCode, String category, RuleTrigger trigger) {
        // No case path: the rule mails link a complaint's own page without one (a variable less per breach).
        start(trackingNumber, departmentCode, category, trigger, null);
    }

    /**
     * Starts a rule check for a case that is not a complaint (an approval case's card): {@code casePath} is the staff
     * page the mails link to.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestCheck(String caseKey, String departmentCode, String category, RuleTrigger trigger,
                             String casePath) {
        start(caseKey, departmentCode, category, trigger, casePath);
    }

    private void start(String caseKey, String departmentCode, String category, RuleTrigger trigger,
                       String casePath) {
        Map<String, Object> variables = new HashMap<>();
        if (casePath != null) {
            variables.put(RuleCheck.CASE_PATH, casePath);
        }
        variables.put(RuleCheck.DEPARTMENT_CODE, departmentCode);
        variables.put(RuleCheck.CATEGORY, category);
        variables.put(RuleCheck.TRIGGER, trigger.name());
        // Shown on the supervision-notice form ("受理编号 / Tracking number").
        variables.put(ComplaintProcess.Var.TRACKING_NUMBER, caseKey);
        runtime.startProcessInstanceByKey(RuleCheck.KEY, caseKey, variables);
    }

    /**
     * Starts a rule check for the case, charged to the department that handled it (see
     * {@link #requestCheck(String, String, String, RuleTrigger)}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requestCheck(String trackingNumber, RuleTrigger trigger) {
        ComplaintFacts complaint = complaints.find(trackingNumber)
                .orElseThrow(() -> new IllegalArgumentException("No complaint " + trackingNumber));
        requestCheck(trackingNumber, complaint.handlingDepartmentCode(), complaint.category().name(), trigger);
    }

    /** The rule decisions taken on a case, oldest first. */
    public List<RuleDecision> decisionsOf(String trackingNumber) {
        return records.findByTrackingNumberOrderByEvaluatedAt(trackingNumber);
    }

    private static MatchedRule matchedRule(RuleLevel level, DecisionDefinition table, DmnEvaluatedDecisionRule rule) {
        RuleAction action = RuleAction.NONE;
        int severity = 0;
        String reason = "";
        for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
            Object value = output.getValue().getValue();
            switch (output.getOutputName()) {
                case "action" -> action = RuleAction.valueOf(value.toString());
                case "severity" -> severity = ((Number) value).intValue();
                case "reason" -> reason = value.toString();
                default -> { }
            }
        }
        return new MatchedRule(level, table.getKey(), table.getId(), table.getVersion(), rule.getId(), action,
                severity, reason);
    }
}
