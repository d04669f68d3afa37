package org.opensupervision.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.dashboard.DepartmentKpis;
import org.opensupervision.dashboard.SupervisionDashboards;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.discipline.DisciplinaryCase;
import org.opensupervision.discipline.DisciplinaryCases;
import org.opensupervision.discipline.DisciplinaryOutcome;
import org.opensupervision.rating.RatingFigures;
import org.opensupervision.rating.RatingFigures.DepartmentRatings;
import org.opensupervision.spotcheck.SpotCheckFigures;
import org.opensupervision.spotcheck.SpotCheckFigures.DepartmentChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of one month for every department, read through each source module's query API: the KPI month of the
 * dashboard module (complaints), the rating and spot-check figures, the disciplinary cases decided, and the approval
 * figures the approval module implements. A source that is absent makes its indicators "not measured".
 */
@Component
@Transactional(readOnly = true)
class EvaluationFacts {

    /** The counts of every department in one month, and the month's 通报批评 notices. */
    record Month(Map<String, Map<Indicator, IndicatorCount>> counts, List<PublicNotice> notices) {
    }

    private final SupervisionDashboards dashboards;
    private final RatingFigures ratings;
    private final SpotCheckFigures spotChecks;
    private final DisciplinaryCases discipline;
    private final Optional<ApprovalFigures> approval;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;

    EvaluationFacts(SupervisionDashboards dashboards, RatingFigures ratings, SpotCheckFigures spotChecks,
                    DisciplinaryCases discipline, ObjectProvider<ApprovalFigures> approval,
                    DepartmentDirectory departments, WorkingDayCalendar calendar) {
        this.dashboards = dashboards;
        this.ratings = ratings;
        this.spotChecks = spotChecks;
        this.discipline = discipline;
        this.approval = Optional.ofNullable(approval.getIfAvailable());
        this.departments = departments;
        this.calendar = calendar;
    }

    Month of(YearMonth month, EvaluationRules rules) {
        ZoneId zone = calendar.zone();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<String, DepartmentKpis> kpis = new LinkedHashMap<>();
        dashboards.kpiMonth(month).departments().forEach(k -> kpis.put(k.departmentCode(), k));
        Map<String, DepartmentRatings> rated = ratings.between(from, to);
        Map<String, DepartmentChecks> checked = spotChecks.checkedBetween(from, to);
        Map<String, ApprovalFigures.ApprovalCounts> cases = approval.map(a -> a.between(from, to)).orElse(null);
        Map<String, long[]> deductions = new LinkedHashMap<>();
        List<PublicNotice> notices = new ArrayList<>();
        for (DisciplinaryCase c : discipline.decidedBetween(from, to)) {
            if (c.getOutcome() == null) {
                continue;
            }
            long[] d = deductions.computeIfAbsent(c.getDepartmentCode(), k -> new long[2]);
            d[0] += rules.deduction(c.getOutcome());
            d[1]++;
            if (c.getOutcome() == DisciplinaryOutcome.PUBLIC_CRITICISM) {
                notices.add(new PublicNotice(c.getDepartmentCode(), c.getDecidedAt().atZone(zone).toLocalDate()));
            }
        }
        Map<String, Map<Indicator, IndicatorCount>> result = new LinkedHashMap<>();
        for (Department department : departments.all()) {
            String code = department.code();
            Map<Indicator, IndicatorCount> counts = new EnumMap<>(Indicator.class);
            DepartmentKpis k = kpis.get(code);
            DepartmentRatings r = rated.getOrDefault(code, new DepartmentRatings(0, 0, 0, 0, 0));
            DepartmentChecks s = checked.getOrDefault(code, new DepartmentChecks(0, 0));
            long[] d = deductions.getOrDefault(code, new long[2]);
            counts.put(Indicator.CATALOGUE_STANDARDISED, IndicatorCount.notMeasured(Indicator.CATALOGUE_STANDARDISED));
            put(counts, Indicator.FIRST_FEEDBACK_ON_TIME, k == null ? 0 : k.firstFeedbackOnTime(),
                    k == null ? 0 : k.firstFeedbackDue());
            put(counts, Indicator.HANDLING_ON_TIME, k == null ? 0 : k.closedOnTime(), k == null ? 0 : k.closed());
            put(counts, Indicator.REWORK_RATE, k == null ? 0 : k.reworked(), k == null ? 0 : k.closed());
            put(counts, Indicator.SPOT_CHECK_PASS, s.passed(), s.checked());
            put(counts, Indicator.DISCIPLINARY_DEDUCTION, d[0], d[1]);
            put(counts, Indicator.SATISFACTION_RATE, r.ratedSatisfied(), r.rated());
            put(counts, Indicator.RATING_RESPONSE_RATE, r.rated(), r.rated() + r.defaulted());
            put(counts, Indicator.RECTIFICATION_ON_TIME, r.rectifiedOnTime(), r.rectificationsDue());
            if (cases == null) {
                for (Indicator i : List.of(Indicator.CARDS_PER_100, Indicator.ONLINE_APPLICATION_SHARE,
                        Indicator.FULLY_ONLINE_SHARE, Indicator.APPROVAL_ON_TIME, Indicator.COMPLAINTS_PER_1000)) {
                    counts.put(i, IndicatorCount.notMeasured(i));
                }
            } else {
                ApprovalFigures.ApprovalCounts a = cases.getOrDefault(code,
                        new ApprovalFigures.ApprovalCounts(0, 0, 0, 0, 0, 0, 0, 0));
                put(counts, Indicator.CARDS_PER_100, a.cards(), a.accepted());
                put(counts, Indicator.ONLINE_APPLICATION_SHARE, a.submittedOnline(), a.submitted());
                put(counts, Indicator.FULLY_ONLINE_SHARE, a.completedOnline(), a.completed());
                put(counts, Indicator.APPROVAL_ON_TIME, a.decidedOnTime(), a.decided());
                put(counts, Indicator.COMPLAINTS_PER_1000, k == null ? 0 : k.received(), a.submitted());
            }
            result.put(code, counts);
        }
        return new Month(result, notices);
    }

    private static void put(Map<Indicator, IndicatorCount> counts, Indicator indicator, long numerator,
                            long denominator) {
        counts.put(indicator, new IndicatorCount(indicator, numerator, denominator, true));
    }

    /** When the period ends, in the official calendar's zone (China Standard Time). */
    Instant endOf(EvaluationPeriod period) {
        return period.end(calendar.zone());
    }
}
