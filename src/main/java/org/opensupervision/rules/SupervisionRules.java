package org.opensupervision.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
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
    /** Each deployed table version compiled once (empty: the DMN engine evaluates it), by decision definition id. */
    private final Map<String, Optional<RuleTable>> compiled = new ConcurrentHashMap<>();

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
     * latest deployed version, and collects every matching rule. A table is evaluated by {@link RuleTable} (its rules
     * read once per deployed version), or by the DMN engine when it holds something {@link RuleTable} does not
     * evaluate; on the Java path the engine writes no decision history: the rules that matched, with their tables'
     * versions, are in the verdict's record ({@link RuleDecision}).
     */
    public RuleVerdict evaluate(RuleFacts facts) {
        Map<String, DecisionDefinition> latest = latestTables();
        Map<String, Object> variables = facts.variables();
        List<MatchedRule> matched = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        for (RuleLevel level : RuleLevel.values()) {
            DecisionDefinition table = latest.get(level.decisionKey(facts.departmentCode()));
            if (table == null) {
                continue;
            }
            evaluated.add(table.getKey() + " v" + table.getVersion());
            Optional<List<RuleTable.Match>> inJava = compiled
                    .computeIfAbsent(table.getId(),
                            id -> RuleTable.compile((DmnDecision) repository.getDecisionDefinition(id)))
                    .flatMap(compiledTable -> compiledTable.evaluate(variables));
            if (inJava.isPresent()) {
                for (RuleTable.Match match : inJava.get()) {
                    matched.add(matchedRule(level, table, match.ruleId(), match.outputs()));
                }
                continue;
            }
            for (DmnDecisionTableEvaluationEvent event : capture.during(() ->
                    decisions.evaluateDecisionById(table.getId()).variables(variables).evaluate())) {
                for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
                    Map<String, Object> outputs = new HashMap<>();
                    for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
                        outputs.put(output.getOutputName(), output.getValue().getValue());
                    }
                    matched.add(matchedRule(level, table, rule.getId(), outputs));
                }
            }
        }
        return new RuleVerdict(facts, List.copyOf(matched), List.copyOf(evaluated));
    }

    /**
     * The latest deployed version of every rule table, by decision key: one query for the three levels (a table the
     * office deployed a moment ago is seen by the next check).
     */
    private Map<String, DecisionDefinition> latestTables() {
        Map<String, DecisionDefinition> latest = new HashMap<>();
        for (DecisionDefinition table : repository.createDecisionDefinitionQuery()
                .decisionDefinitionKeyLike(RuleLevel.KEY_PREFIX + "%").latestVersion().list()) {
            latest.put(table.getKey(), table);
        }
        return latest;
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

    private static MatchedRule matchedRule(RuleLevel level, DecisionDefinition table, String ruleId,
                                           Map<String, Object> outputs) {
        Object action = outputs.get("action");
        Object severity = outputs.get("severity");
        Object reason = outputs.get("reason");
        return new MatchedRule(level, table.getKey(), table.getId(), table.getVersion(), ruleId,
                action == null ? RuleAction.NONE : RuleAction.valueOf(action.toString()),
                severity == null ? 0 : ((Number) severity).intValue(), reason == null ? "" : reason.toString());
    }
}
