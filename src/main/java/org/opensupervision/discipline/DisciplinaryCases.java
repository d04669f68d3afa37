package org.opensupervision.discipline;

import java.util.Set;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.complaint.EscalatedComplaints;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.time.YearMonth;

import org.camunda.bpm.engine.RuntimeService;
import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.BreachFacts;
import org.opensupervision.privacy.ComplainantContacts;
import org.opensupervision.workflow.SupervisionProcesses.Discipline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The discipline inspectors' cases: opening them by message, their deadlines, outcomes and referral dossiers. */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class DisciplinaryCases implements EscalatedComplaints {

    private static final Logger log = LoggerFactory.getLogger(DisciplinaryCases.class);
    /** The column {@code dossier_unsealing.reason}; the page's text area says the same. */
    public static final int UNSEAL_REASON_MAX_LENGTH = 2000;

    private final DisciplinaryCaseRepository cases;
    private final DossierUnsealingRepository unsealings;
    private final ComplaintRecords complaints;
    private final ComplainantContacts contacts;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final DisciplineProperties properties;
    private final AuditTrail audit;
    private final EscalationClaims claims;
    private final Clock clock;

    DisciplinaryCases(DisciplinaryCaseRepository cases, DossierUnsealingRepository unsealings,
                      ComplaintRecords complaints, RuntimeService runtime, WorkingDayCalendar calendar,
                      DisciplineProperties properties, AuditTrail audit, EscalationClaims claims, Clock clock,
                      ComplainantContacts contacts) {
        this.cases = cases;
        this.contacts = contacts;
        this.unsealings = unsealings;
        this.complaints = complaints;
        this.runtime = runtime;
        this.calendar = calendar;
        this.properties = properties;
        this.audit = audit;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * The supervision office refers an integrity complaint (吃拿卡要) at triage: a case of its own against the
     * department complained about, at the configured severity
     * ({@code supervision.discipline.triage-referral-severity}).
     */
    public void referFromTriage(String trackingNumber, String departmentCode, String reason) {
        requestEscalation(trackingNumber, departmentCode, EscalationSource.TRIAGE, reason,
                properties.triageReferralSeverity());
    }

    /**
     * Asks the discipline inspectors to take up a case: starts {@code disciplinary-escalation} by its message, in the
     * caller's transaction (the new instance waits at its first save point). Not deduplicated (a triage referral of an
     * integrity complaint is a case of its own).
     */
    public void requestEscalation(String trackingNumber, String departmentCode, EscalationSource source,
                                  String reason, int severity) {
        requestEscalation(trackingNumber, departmentCode, source, reason, severity, null);
    }

    /**
     * Asks the discipline inspectors to take up a case on a rule's verdict. With a {@code ruleKey}, at most one case is
     * open per department, rule and month (China Standard Time): the first trigger opens it, later ones are attached
     * to it as evidence ({@link #evidenceOf(Long)}) and start nothing. Safe when two triggers arrive at once.
     *
     * @param ruleKey the id of the rule that escalated, or null for no deduplication
     * @return true when a case was opened, false when the trigger was attached to the open one
     */
    public boolean requestEscalation(String trackingNumber, String departmentCode, EscalationSource source,
                                     String reason, int severity, String ruleKey) {
        Map<String, Object> variables = new HashMap<>(Map.of(Discipline.DEPARTMENT_CODE, departmentCode,
                Discipline.SOURCE, source.name(), Discipline.REASON, reason == null ? "" : reason,
                Discipline.SEVERITY, severity,
                // Shown on the inspectors' forms ("受理编号 / Tracking number").
                ComplaintProcess.Var.TRACKING_NUMBER, trackingNumber));
        if (ruleKey != null && !ruleKey.isBlank()) {
            Instant now = clock.instant();
            String period = YearMonth.from(now.atZone(calendar.zone())).toString();
            EscalationClaims.Claim claim = claims.claim(departmentCode + "|" + ruleKey + "|" + period,
                    departmentCode, ruleKey, period, trackingNumber, now);
            claims.attach(claim.id(), trackingNumber, source, reason, severity, now);
            if (!claim.opened()) {
                log.info("{} attached to the open disciplinary escalation of {} under {} in {}", trackingNumber,
                        departmentCode, ruleKey, period);
                return false;
            }
            variables.put(Discipline.CLAIM_ID, claim.id());
        }
        runtime.createMessageCorrelation(Discipline.MESSAGE).processInstanceBusinessKey(trackingNumber)
                .setVariables(variables).correlateStartMessage();
        log.warn("{} escalated to discipline ({}, severity {}): {}", trackingNumber, source, severity, reason);
        return true;
    }

    /** Every trigger attached to the case's department-rule-month slot, the first included; empty if none. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<EscalationEvidence> evidenceOf(Long caseId) {
        Long claimId = get(caseId).getClaimId();
        return claimId == null ? List.of() : claims.evidence(claimId);
    }

    /** Opens the case record; the preliminary review is due after the configured working days. */
    public DisciplinaryCase open(String trackingNumber, String departmentCode, EscalationSource source, String reason,
                                 int severity, String processInstanceId) {
        return open(trackingNumber, departmentCode, source, reason, severity, processInstanceId, null);
    }

    /** Opens the case record holding a department-rule-month slot ({@code claimId}, or null). */
    public DisciplinaryCase open(String trackingNumber, String departmentCode, EscalationSource source, String reason,
                                 int severity, String processInstanceId, Long claimId) {
        Instant now = clock.instant();
        DisciplinaryCase opened = new DisciplinaryCase(trackingNumber, departmentCode, source, reason, severity,
                processInstanceId, now, calendar.addWorkingDays(now, properties.preliminaryReviewWorkingDays()));
        opened.claimedBy(claimId);
        return cases.save(opened);
    }

    /** The preliminary review's finding ({@code INVESTIGATE} or {@code NO_CASE}). */
    public void recordPreliminaryFinding(Long caseId, String finding) {
        get(caseId).recordPreliminaryFinding(finding);
    }

    /** Opens the investigation and returns its deadline. */
    public Instant openInvestigation(Long caseId) {
        Instant dueAt = calendar.addWorkingDays(clock.instant(), properties.investigationWorkingDays());
        get(caseId).openInvestigation(dueAt);
        return dueAt;
    }

    /** The one extension of the investigation, with its reason; returns the new deadline. */
    public Instant extendInvestigation(Long caseId, int workingDays, String reason) {
        DisciplinaryCase c = get(caseId);
        Instant dueAt = calendar.addWorkingDays(c.getInvestigationDueAt(), workingDays);
        c.extendInvestigation(dueAt, reason, clock.instant());
        return dueAt;
    }

    /** The outcome, held against the department and the complaint. */
    public void recordOutcome(Long caseId, DisciplinaryOutcome outcome, String findings, String reason) {
        DisciplinaryCase c = get(caseId);
        c.decide(outcome, findings, reason, clock.instant());
        if (c.getClaimId() != null) {
            claims.release(c.getClaimId(), clock.instant());
        }
    }

    /** A step passed its deadline and went to the head of discipline inspection. */
    public void recordOverdueEscalation(Long caseId) {
        get(caseId).countOverdueEscalation();
    }

    /** The longest extension the inspectors may take. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public int maxExtensionWorkingDays() {
        return properties.maxExtensionWorkingDays();
    }

    /** The case with this id, if any. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<DisciplinaryCase> find(Long caseId) {
        return cases.findById(caseId);
    }

    /** Every case, newest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<DisciplinaryCase> all() {
        return cases.findAllByOrderByOpenedAtDesc();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Set<String> trackingNumbers() {
        return cases.findEscalatedTrackingNumbers();
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean isEscalated(String trackingNumber) {
        return cases.existsByTrackingNumber(trackingNumber);
    }

    /** The cases of one complaint. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<DisciplinaryCase> ofComplaint(String trackingNumber) {
        return cases.findByTrackingNumberOrderByOpenedAt(trackingNumber);
    }

    /** The cases decided in {@code [from, to)}: what the monthly evaluation counts per department. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<DisciplinaryCase> decidedBetween(Instant from, Instant to) {
        return cases.findByDecidedAtGreaterThanEqualAndDecidedAtLessThanOrderByDecidedAt(from, to);
    }

    /** The referral dossier with the complainant's identity sealed. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public ReferralDossier dossier(Long caseId) {
        return dossier(get(caseId), false);
    }

    /** The dossier with the complainant's identity, for this view only; who, when and why is recorded first. */
    @Transactional
    public ReferralDossier unseal(Long caseId, String inspector, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An unsealing needs a reason");
        }
        if (reason.strip().length() > UNSEAL_REASON_MAX_LENGTH) {
            throw new IllegalArgumentException("An unsealing reason has at most " + UNSEAL_REASON_MAX_LENGTH
                    + " characters");
        }
        DisciplinaryCase c = get(caseId);
        unsealings.save(new DossierUnsealing(caseId, inspector, reason.strip(), clock.instant()));
        // Who unsealed and why goes to the case's chain too; the identity itself never does.
        audit.append(new AuditRecord(c.getTrackingNumber(), "DOSSIER_UNSEALED", AuditSource.STAFF, inspector, null,
                "disciplinary-case-" + caseId, Map.of("disciplinaryCaseId", caseId), reason.strip()));
        log.warn("Complainant identity of disciplinary case {} ({}) unsealed by {}", caseId, c.getTrackingNumber(),
                inspector);
        return dossier(c, true);
    }

    private ReferralDossier dossier(DisciplinaryCase c, boolean unsealed) {
        ComplaintFacts complaint = complaints.find(c.getTrackingNumber())
                .orElseThrow(() -> new IllegalStateException("No complaint " + c.getTrackingNumber()));
        ReferralDossier.Complainant complainant = unsealed ? complainant(complaint) : null;
        return new ReferralDossier(c, complaint, timeline(c, complaint), complainant,
                unsealings.findByDisciplinaryCaseIdOrderByUnsealedAt(c.getId()));
    }

    /** Who complained, through the privacy module: the caller has recorded the unsealing. */
    private ReferralDossier.Complainant complainant(ComplaintFacts complaint) {
        return contacts.forUnsealedDossier(complaint.trackingNumber())
                .map(p -> new ReferralDossier.Complainant(complaint.anonymous(), p.name(), p.phone(), p.email()))
                .orElseGet(() -> new ReferralDossier.Complainant(complaint.anonymous(), null, null, null));
    }

    private List<ReferralDossier.Entry> timeline(DisciplinaryCase c, ComplaintFacts complaint) {
        List<ReferralDossier.Entry> entries = new ArrayList<>();
        add(entries, complaint.submittedAt(), "投诉提交");
        add(entries, complaint.routedAt(), "分派办理部门 " + complaint.handlingDepartmentCode());
        add(entries, complaint.firstFeedbackAt(), "首次反馈");
        add(entries, complaint.handlingStartedAt(), "开始办理");
        add(entries, complaint.extensionRequestedAt(), "申请延期：" + complaint.extensionReason());
        add(entries, complaint.repliedAt(), "部门答复");
        add(entries, complaint.closedAt(), "办结");
        add(entries, complaint.rejectedAt(), "不予受理");
        for (BreachFacts breach : complaints.breachesOf(complaint.trackingNumber())) {
            add(entries, breach.recordedAt(), "超时 " + breach.kind() + "，部门 " + breach.departmentCode());
        }
        add(entries, c.getOpenedAt(), "移交纪检（" + c.getSource() + "）：" + c.getReason());
        if (c.getClaimId() != null) {
            for (EscalationEvidence e : claims.evidence(c.getClaimId())) {
                if (!e.trackingNumber().equals(c.getTrackingNumber())) {
                    add(entries, e.recordedAt(), "同一规则再次触发，并入本案 " + e.trackingNumber()
                            + "：" + e.reason());
                }
            }
        }
        add(entries, c.getExtendedAt(), "调查延期：" + c.getExtensionReason());
        add(entries, c.getDecidedAt(), c.getOutcome() == null ? "" : "处理决定："
                + c.getOutcome().labelZh());
        entries.sort(Comparator.comparing(ReferralDossier.Entry::at));
        return entries;
    }

    private static void add(List<ReferralDossier.Entry> entries, Instant at, String event) {
        if (at != null) {
            entries.add(new ReferralDossier.Entry(at, event));
        }
    }

    private DisciplinaryCase get(Long caseId) {
        return cases.findById(caseId)
                .orElseThrow(() -> new IllegalArgumentException("No disciplinary case " + caseId));
    }
}
