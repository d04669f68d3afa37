package org.opensupervision.spotcheck;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.rules.BadRatings;
import org.opensupervision.rules.RuleTrigger;
import org.opensupervision.rules.SupervisionRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Offline spot checks: drawing a round, recording checks and rectifications, and the report per department. */
@Service("spotChecks")
@Transactional(propagation = Propagation.MANDATORY)
public class SpotChecks {

    private static final Logger log = LoggerFactory.getLogger(SpotChecks.class);
    private static final SecureRandom SEEDS = new SecureRandom();

    private final SpotCheckRoundRepository rounds;
    private final SpotCheckSampleRepository samples;
    private final ComplaintRecords complaints;
    private final BadRatings badRatings;
    private final SupervisionRules rules;
    private final DepartmentDirectory departments;
    private final SpotCheckProperties properties;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final DeadlineDisplay display;
    private final Clock clock;

    SpotChecks(SpotCheckRoundRepository rounds, SpotCheckSampleRepository samples, ComplaintRecords complaints,
               BadRatings badRatings, SupervisionRules rules, DepartmentDirectory departments,
               SpotCheckProperties properties, WorkingDayCalendar calendar, AuditTrail audit, DeadlineDisplay display,
               Clock clock) {
        this.display = display;
        this.rounds = rounds;
        this.samples = samples;
        this.complaints = complaints;
        this.badRatings = badRatings;
        this.rules = rules;
        this.departments = departments;
        this.properties = properties;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Draws the round of the period that ended at the start of today (China Standard Time): the cases closed in it,
     * sampled per department with a seed that is recorded with the round.
     */
    public SpotCheckRound drawRound(String processInstanceId) {
        Instant periodEnd = clock.instant().atZone(calendar.zone()).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant periodStart = periodEnd.minus(properties.period());
        Map<String, ComplaintFacts> closed = new LinkedHashMap<>();
        List<SpotCheckCandidate> candidates = new ArrayList<>();
        for (ComplaintFacts c : complaints.closedBetween(periodStart, periodEnd)) {
            closed.put(c.trackingNumber(), c);
            candidates.add(new SpotCheckCandidate(c.trackingNumber(), c.handlingDepartmentCode(),
                    c.firstFeedbackBreachedAt() != null || c.handlingBreachedAt() != null,
                    badRatings.ratedBadly(c.trackingNumber())));
        }
        long seed = properties.seed() != null ? properties.seed() : SEEDS.nextLong();
        List<SpotCheckCandidate> drawn = new SpotCheckSampler(properties).draw(candidates, seed);
        SpotCheckRound round = rounds.save(new SpotCheckRound(periodStart, periodEnd, seed, candidates.size(),
                drawn.size(), clock.instant(), processInstanceId));
        // The rule: a new period's round is drawn even while an earlier one is still open (its sample must not be
        // lost), and that is made visible: counted on the new round and logged as a warning for the head.
        int earlierOpen = (int) rounds.findAllByOrderByDrawnAtDescIdDesc().stream()
                .filter(r -> r.getCompletedAt() == null && !r.getId().equals(round.getId())).count();
        round.noteEarlierRoundsOpen(earlierOpen);
        if (earlierOpen > 0) {
            log.warn("Spot-check round {} drawn while {} earlier round(s) are still open", round.getId(), earlierOpen);
        }
        for (SpotCheckCandidate c : drawn) {
            SpotCheckSample sample = samples.save(new SpotCheckSample(round.getId(), c,
                    closed.get(c.trackingNumber()).category().name(),
                    c.weight(properties.breachWeight(), properties.badRatingWeight())));
            Map<String, Object> detail = facts(sample);
            detail.put("weight", sample.getWeight());
            detail.put("seed", seed);
            record(sample, "SPOT_CHECK_SAMPLED", null, processInstanceId, detail);
        }
        log.info("Spot-check round {} for [{}, {}): {} of {} closed cases drawn, seed {}", round.getId(),
                periodStart, periodEnd, drawn.size(), candidates.size(), seed);
        return round;
    }

    /** The ids of a round's samples, in department and tracking-number order (the model's multi-instance). */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Long> sampleIds(Long roundId) {
        return samples(roundId).stream().map(SpotCheckSample::getId).toList();
    }

    /** One sampled case. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public SpotCheckSample sample(Long sampleId) {
        return samples.findById(sampleId).orElseThrow(() -> new IllegalArgumentException("No sample " + sampleId));
    }

    /** The sampled case as one check's forms show it, and the department that would rectify a discrepancy. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public SampledCase sampledCase(Long sampleId) {
        SpotCheckSample sample = sample(sampleId);
        ComplaintFacts complaint = complaints.find(sample.getTrackingNumber())
                .orElseThrow(() -> new IllegalStateException("No complaint " + sample.getTrackingNumber()));
        Department department = departments.get(sample.getDepartmentCode());
        return new SampledCase(sample.getTrackingNumber(), department.nameZh(), complaint.title(),
                complaint.category().labelZh(), display.format(complaint.closedAt()), complaint.replyText(),
                department.handlingGroup(), department.notificationAddress());
    }

    /** The inspector's offline check. */
    public SpotCheckSample recordCheck(Long sampleId, String contactMethod, boolean recordMatches, String findings,
                                       String evidenceReference, String inspector) {
        SpotCheckSample sample = sample(sampleId);
        sample.check(contactMethod, recordMatches, findings, evidenceReference, inspector, clock.instant());
        // The findings and the evidence may name the complainant: the trail records that they were given.
        Map<String, Object> detail = facts(sample);
        detail.put("result", sample.getResult());
        detail.put("contactMethod", contactMethod);
        detail.put("findingsLength", findings == null ? 0 : findings.length());
        detail.put("evidenceGiven", evidenceReference != null && !evidenceReference.isBlank());
        record(sample, "SPOT_CHECK_RECORDED", inspector, null, detail);
        return samples.saveAndFlush(sample);
    }

    /** Hands a discrepancy to the supervision rules, which decide on warning, notice or escalation. */
    public void reportDiscrepancy(Long sampleId) {
        SpotCheckSample sample = sample(sampleId);
        rules.requestCheck(sample.getTrackingNumber(), sample.getDepartmentCode(), sample.getCategory(),
                RuleTrigger.SPOT_CHECK_DISCREPANCY);
        record(sample, "SPOT_CHECK_DISCREPANCY_REPORTED", null, null, facts(sample));
    }

    /** The department's rectification of a discrepancy; {@code actor} is who recorded it, or null. */
    public void recordRectification(Long sampleId, String text, String actor) {
        SpotCheckSample sample = sample(sampleId);
        sample.rectify(text, clock.instant());
        Map<String, Object> detail = facts(sample);
        detail.put("rectificationLength", text == null ? 0 : text.length());
        record(sample, "SPOT_CHECK_RECTIFIED", actor, null, detail);
    }

    private static Map<String, Object> facts(SpotCheckSample sample) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("roundId", sample.getRoundId());
        detail.put("sampleId", sample.getId());
        detail.put("departmentCode", sample.getDepartmentCode());
        return detail;
    }

    /** An entry in the sampled case's chain (the spot-check process has no business key of its own). */
    private void record(SpotCheckSample sample, String kind, String actor, String processInstanceId,
                        Map<String, Object> detail) {
        audit.append(new AuditRecord(sample.getTrackingNumber(), kind,
                actor == null ? AuditSource.ENGINE : AuditSource.STAFF, actor, processInstanceId,
                "spot-check-sample-" + sample.getId(), detail, null));
    }

    /**
     * A department's rectification passed its deadline: the sample stays an open item of its round, and the overdue
     * goes to the supervision rules ({@link RuleTrigger#SPOT_CHECK_RECTIFICATION_OVERDUE}).
     */
    public void escalateRectification(Long sampleId) {
        SpotCheckSample sample = sample(sampleId);
        sample.markRectificationOverdue(clock.instant());
        rules.requestCheck(sample.getTrackingNumber(), sample.getDepartmentCode(), sample.getCategory(),
                RuleTrigger.SPOT_CHECK_RECTIFICATION_OVERDUE);
        record(sample, "SPOT_CHECK_RECTIFICATION_OVERDUE", null, null, facts(sample));
    }

    /** Every check of the round is done: the round closes, with its unrectified discrepancies counted as open. */
    public void completeRound(Long roundId) {
        int open = openItems(roundId).size();
        rounds.findById(roundId).orElseThrow().complete(clock.instant(), open);
        if (open > 0) {
            log.warn("Spot-check round {} closed with {} open item(s)", roundId, open);
        }
    }

    /** The round's open items: discrepancies not (yet) rectified. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<SpotCheckSample> openItems(Long roundId) {
        return samples(roundId).stream().filter(SpotCheckSample::isOpenItem).toList();
    }

    /** Every round, newest first. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<SpotCheckRound> rounds() {
        return rounds.findAllByOrderByDrawnAtDescIdDesc();
    }

    /** One round. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<SpotCheckRound> round(Long roundId) {
        return rounds.findById(roundId);
    }

    /** A round's samples, in department and tracking-number order. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<SpotCheckSample> samples(Long roundId) {
        return samples.findByRoundIdOrderByDepartmentCodeAscTrackingNumberAsc(roundId);
    }

    /** The round's report: counts and pass rate per department. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<DepartmentSpotCheckRow> report(Long roundId) {
        Map<String, List<SpotCheckSample>> byDepartment = new LinkedHashMap<>();
        for (SpotCheckSample s : samples(roundId)) {
            byDepartment.computeIfAbsent(s.getDepartmentCode(), k -> new ArrayList<>()).add(s);
        }
        List<DepartmentSpotCheckRow> rows = new ArrayList<>();
        byDepartment.forEach((code, list) -> rows.add(new DepartmentSpotCheckRow(code,
                departments.find(code).map(d -> d.nameZh()).orElse(code), list.size(),
                count(list, SpotCheckResult.PASSED) + count(list, SpotCheckResult.DISCREPANCY),
                count(list, SpotCheckResult.PASSED), count(list, SpotCheckResult.DISCREPANCY),
                (int) list.stream().filter(s -> s.getRectifiedAt() != null).count())));
        return rows;
    }

    private static int count(List<SpotCheckSample> list, SpotCheckResult result) {
        return (int) list.stream().filter(s -> s.getResult() == result).count();
    }
}
