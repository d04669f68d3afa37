package org.opensupervision.evaluation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opensupervision.audit.AuditRecord;
import org.opensupervision.audit.AuditSource;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.evaluation.EvaluationRejected.Reason;
import org.opensupervision.evaluation.EvaluationStore.StoredRun;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The performance evaluation of every department, month by month and year by year: computing a draft (again and
 * again, with the same numbers while the data stay the same), correcting a figure with a reason, publishing, and the
 * published versions, which never change. Every step that a person takes is in the audit trail (case
 * {@code EV-<period>}).
 */
@Service
@Transactional
public class Evaluations {

    private final EvaluationFacts facts;
    private final EvaluationStore store;
    private final EvaluationRuleBook ruleBook;
    private final AuditTrail audit;
    private final Clock clock;

    Evaluations(EvaluationFacts facts, EvaluationStore store, EvaluationRuleBook ruleBook, AuditTrail audit,
                Clock clock) {
        this.facts = facts;
        this.store = store;
        this.ruleBook = ruleBook;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Computes (or recomputes) the draft of a period not yet published, with the latest rules and the corrections
     * made to the draft; a year adds up the counts of its months (a published month as published, the others from
     * the data).
     *
     * @throws EvaluationRejected {@code ALREADY_PUBLISHED} for a published period, {@code INVALID} for a period that
     *                             has not ended (its figures would be partial and could be published as final)
     */
    public EvaluationResult compute(EvaluationPeriod period, String actor) {
        if (facts.endOf(period).isAfter(clock.instant())) {
            throw new EvaluationRejected(Reason.INVALID, List.of(Map.of("field", "period", "code", "notEnded",
                    "message", "该期间尚未结束，不能考评 / The period has not ended yet")));
        }
        Optional<StoredRun> latest = store.lockLatest(period);
        if (latest.isPresent() && !EvaluationResult.DRAFT.equals(latest.get().status())) {
            throw new EvaluationRejected(Reason.ALREADY_PUBLISHED, List.of());
        }
        EvaluationRules rules = ruleBook.current();
        List<PublicNotice> notices = new ArrayList<>();
        Map<String, Map<Indicator, IndicatorCount>> counts = counts(period, rules, notices);
        List<Correction> corrections = store.corrections(period, 1);
        Set<String> corrected = new HashSet<>();
        for (Correction c : corrections) {
            Map<Indicator, IndicatorCount> department = counts.get(c.departmentCode());
            if (department != null) {
                department.put(c.indicator(), new IndicatorCount(c.indicator(), c.correctedNumerator(),
                        c.correctedDenominator(), true));
                corrected.add(c.departmentCode() + "/" + c.indicator());
            }
        }
        EvaluationResult result = new EvaluationResult(period.code(), 1, EvaluationResult.DRAFT, rules.version(),
                clock.instant(), null, ScoreCard.score(counts, rules, previousScores(period), corrected), notices,
                List.of());
        if (latest.isPresent()) {
            store.replaceDraft(latest.get().id(), result, actor);
        } else {
            store.insert(result, actor);
        }
        return result.withCorrections(corrections);
    }

    /**
     * Publishes the draft of a period as it stands.
     *
     * @throws EvaluationRejected {@code NOT_COMPUTED} without a draft, {@code ALREADY_PUBLISHED} when published
     */
    public EvaluationResult publish(EvaluationPeriod period, String actor) {
        StoredRun draft = store.lockLatest(period)
                .orElseThrow(() -> new EvaluationRejected(Reason.NOT_COMPUTED, List.of()));
        if (!EvaluationResult.DRAFT.equals(draft.status())) {
            throw new EvaluationRejected(Reason.ALREADY_PUBLISHED, List.of());
        }
        EvaluationResult d = draft.result();
        EvaluationResult published = new EvaluationResult(d.period(), d.version(), EvaluationResult.PUBLISHED,
                d.ruleVersion(), d.computedAt(), clock.instant(), d.departments(), d.notices(), List.of());
        store.replaceDraft(draft.id(), published, actor);
        audit.append(new AuditRecord(auditKey(period), "EVALUATION_PUBLISHED", source(actor), actor, null,
                "v" + published.version(), Map.of("version", published.version(), "ruleVersion",
                        published.ruleVersion()), null));
        return published.withCorrections(store.corrections(period, published.version()));
    }

    /**
     * Corrects one figure with a reason, keeping the original: a draft is recomputed with it; a published period
     * gets a new published version (the earlier one stays readable), scored with the rules of the version it
     * corrects.
     */
    public EvaluationResult correct(EvaluationPeriod period, CorrectionRequest request, String actor) {
        StoredRun latest = store.lockLatest(period)
                .orElseThrow(() -> new EvaluationRejected(Reason.NOT_COMPUTED, List.of()));
        EvaluationResult current = latest.result();
        IndicatorResult figure = validate(current, request);
        Indicator indicator = figure.code();
        boolean afterPublication = current.isPublished();
        int version = afterPublication ? current.version() + 1 : current.version();
        Correction correction = new Correction(version, request.departmentCode(), indicator, figure.numerator(),
                figure.denominator(), request.numerator(), request.denominator(), request.reason().strip(), actor,
                clock.instant(), afterPublication);
        store.insert(period, correction);
        audit.append(new AuditRecord(auditKey(period), "EVALUATION_CORRECTED", source(actor), actor, null,
                request.departmentCode() + "/" + indicator, correctionDetail(correction), correction.reason()));
        if (!afterPublication) {
            return compute(period, actor);
        }
        EvaluationRules rules = ruleBook.version(current.ruleVersion()).orElseThrow();
        Map<String, Map<Indicator, IndicatorCount>> counts = countsOf(current);
        counts.get(request.departmentCode()).put(indicator, new IndicatorCount(indicator, request.numerator(),
                request.denominator(), true));
        Set<String> corrected = new HashSet<>();
        store.corrections(period, version).forEach(c -> corrected.add(c.departmentCode() + "/" + c.indicator()));
        Instant now = clock.instant();
        EvaluationResult next = new EvaluationResult(period.code(), version, EvaluationResult.PUBLISHED,
                rules.version(), now, now, ScoreCard.score(counts, rules, previousScores(period), corrected),
                current.notices(), List.of());
        store.insert(next, actor);
        return next.withCorrections(store.corrections(period, version));
    }

    /** The latest published version of a period, with its corrections. */
    @Transactional(readOnly = true)
    public Optional<EvaluationResult> published(EvaluationPeriod period) {
        return store.latestPublished(period).map(r -> withCorrections(period, r.result()));
    }

    /** One published version of a period. */
    @Transactional(readOnly = true)
    public Optional<EvaluationResult> published(EvaluationPeriod period, int version) {
        return store.version(period, version).filter(r -> r.result().isPublished())
                .map(r -> withCorrections(period, r.result()));
    }

    /** For staff: the latest version of a period, draft or published. */
    @Transactional(readOnly = true)
    public Optional<EvaluationResult> latest(EvaluationPeriod period) {
        return store.latest(period).map(r -> withCorrections(period, r.result()));
    }

    /** The published periods, newest first (years after their months' year sort by their code). */
    @Transactional(readOnly = true)
    public List<String> publishedPeriods() {
        return store.publishedPeriods();
    }

    /**
     * The published scores of one department over the months up to {@code last}, oldest first: a point for each
     * month, with a null score where the month was not published or the department had no score.
     */
    @Transactional(readOnly = true)
    public List<TrendPoint> trend(String departmentCode, YearMonth last, int months) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            EvaluationPeriod month = EvaluationPeriod.of(last.minusMonths(i));
            BigDecimal score = store.latestPublished(month).flatMap(r -> r.result().department(departmentCode))
                    .map(DepartmentResult::score).orElse(null);
            points.add(new TrendPoint(month.code(), score));
        }
        return points;
    }

    /** For staff: every computed period, its latest version and whether it is published, newest first. */
    @Transactional(readOnly = true)
    public List<PeriodState> periods() {
        return store.periods();
    }

    /** Where a period stands. */
    public record PeriodState(String period, int version, String status, Instant computedAt, Instant publishedAt) {
    }

    /** One point of a department's trend. */
    public record TrendPoint(String period, BigDecimal score) {
    }

    private EvaluationResult withCorrections(EvaluationPeriod period, EvaluationResult result) {
        return result.withCorrections(store.corrections(period, result.version()));
    }

    private Map<String, Map<Indicator, IndicatorCount>> counts(EvaluationPeriod period, EvaluationRules rules,
                                                              List<PublicNotice> notices) {
        Map<String, Map<Indicator, IndicatorCount>> total = new LinkedHashMap<>();
        for (YearMonth month : period.months()) {
            Optional<StoredRun> published = period.isAnnual()
                    ? store.latestPublished(EvaluationPeriod.of(month)) : Optional.empty();
            Map<String, Map<Indicator, IndicatorCount>> counts;
            if (published.isPresent()) {
                counts = countsOf(published.get().result());
                notices.addAll(published.get().result().notices());
            } else {
                EvaluationFacts.Month m = facts.of(month, rules);
                counts = m.counts();
                notices.addAll(m.notices());
            }
            counts.forEach((department, byIndicator) -> {
                Map<Indicator, IndicatorCount> sum = total.computeIfAbsent(department,
                        d -> new EnumMap<>(Indicator.class));
                byIndicator.forEach((i, c) -> sum.merge(i, c, IndicatorCount::plus));
            });
        }
        return total;
    }

    /** The counts a result was scored on (as corrected). */
    private static Map<String, Map<Indicator, IndicatorCount>> countsOf(EvaluationResult result) {
        Map<String, Map<Indicator, IndicatorCount>> counts = new LinkedHashMap<>();
        for (DepartmentResult d : result.departments()) {
            Map<Indicator, IndicatorCount> byIndicator = new EnumMap<>(Indicator.class);
            for (IndicatorResult i : d.indicators()) {
                byIndicator.put(i.code(), i.status() == IndicatorStatus.NOT_MEASURED
                        ? IndicatorCount.notMeasured(i.code())
                        : new IndicatorCount(i.code(), i.numerator(), i.denominator(), true));
            }
            counts.put(d.departmentCode(), byIndicator);
        }
        return counts;
    }

    private Map<String, BigDecimal> previousScores(EvaluationPeriod period) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        store.latestPublished(period.previous()).ifPresent(r -> r.result().departments().stream()
                .filter(d -> d.score() != null).forEach(d -> scores.put(d.departmentCode(), d.score())));
        return scores;
    }

    private static IndicatorResult validate(EvaluationResult current, CorrectionRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<DepartmentResult> department = request.departmentCode() == null ? Optional.empty()
                : current.department(request.departmentCode());
        if (department.isEmpty()) {
            errors.add(error("departmentCode", "unknown", "没有这个部门 / No such department"));
        }
        Indicator indicator = null;
        try {
            indicator = request.indicator() == null ? null : Indicator.valueOf(request.indicator());
        } catch (IllegalArgumentException ex) {
            indicator = null;
        }
        if (indicator == null) {
            errors.add(error("indicator", "unknown", "没有这个指标 / No such indicator"));
        }
        IndicatorResult figure = department.isPresent() && indicator != null ? department.get().indicator(indicator)
                : null;
        if (figure != null && figure.status() == IndicatorStatus.NOT_MEASURED) {
            errors.add(error("indicator", "notMeasured", "该指标无数据来源，不能更正 / Not measured: nothing to correct"));
        }
        if (request.numerator() == null || request.numerator() < 0) {
            errors.add(error("numerator", "range", "分子须为非负整数 / A numerator of 0 or more"));
        }
        if (request.denominator() == null || request.denominator() < 0) {
            errors.add(error("denominator", "range", "分母须为非负整数 / A denominator of 0 or more"));
        }
        if (indicator != null && request.numerator() != null && request.denominator() != null
                && (indicator.kind() == Indicator.Kind.RATE || indicator.kind() == Indicator.Kind.INVERSE_RATE)
                && request.numerator() > request.denominator()) {
            errors.add(error("numerator", "aboveDenominator", "分子不能大于分母 / The numerator exceeds the denominator"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 2000) {
            errors.add(error("reason", "required", "须写明更正理由（至多2000字）/ A reason of at most 2,000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new EvaluationRejected(Reason.INVALID, errors);
        }
        return figure;
    }

    private static Map<String, Object> correctionDetail(Correction c) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", c.version());
        detail.put("before", Map.of("numerator", c.originalNumerator(), "denominator", c.originalDenominator()));
        detail.put("after", Map.of("numerator", c.correctedNumerator(), "denominator", c.correctedDenominator()));
        detail.put("afterPublication", c.afterPublication());
        return detail;
    }

    private static Map<String, String> error(String field, String code, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("code", code);
        e.put("message", message);
        return e;
    }

    private static AuditSource source(String actor) {
        return actor == null ? AuditSource.ENGINE : AuditSource.STAFF;
    }

    /** The audit-trail case of a period's evaluation. */
    public static String auditKey(EvaluationPeriod period) {
        return "EV-" + period.code();
    }
}
