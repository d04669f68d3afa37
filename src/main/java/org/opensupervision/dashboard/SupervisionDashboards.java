package org.opensupervision.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opensupervision.access.StaffScope;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ComplaintAccess;
import org.opensupervision.complaint.ComplaintFigures;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.rating.RatingFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * The department dashboard and the monthly KPIs; months are calendar months in China Standard Time. The figures come
 * from the modules that own the data, through their query APIs ({@link ComplaintFigures}, {@link RatingFigures}):
 * this module reads no other module's table.
 */
@Service
public class SupervisionDashboards {

    /** The province overview lists at most this many cases of each kind; its counts are complete. */
    static final int LIST_LIMIT = 50;

    private static final Logger log = LoggerFactory.getLogger(SupervisionDashboards.class);

    private final ComplaintFigures complaints;
    private final RatingFigures ratings;
    private final ComplaintAccess access;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Duration feedbackWarning;
    private final int handlingWarningWorkingDays;
    private final KpiMonthStore store;
    private final FinalKpiMonthPolicy finalMonths;

    SupervisionDashboards(ComplaintFigures complaints, RatingFigures ratings, ComplaintAccess access,
                          DepartmentDirectory departments, WorkingDayCalendar calendar, Clock clock,
                          @Value("${supervision.first-feedback.reminder-before:PT4H}") Duration feedbackWarning,
                          @Value("${supervision.handling.reminder-working-days-before:1}")
                          int handlingWarningWorkingDays, KpiMonthStore store,
                          @Value("${supervision.kpi.closed-month-grace:P1D}") Duration closedMonthGrace) {
        this.complaints = complaints;
        this.ratings = ratings;
        this.access = access;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
        this.feedbackWarning = feedbackWarning;
        this.handlingWarningWorkingDays = Math.max(1, handlingWarningWorkingDays);
        this.store = store;
        this.finalMonths = new FinalKpiMonthPolicy(calendar.zone(), closedMonthGrace);
    }

    /**
     * Where the province stands now (the Cockpit dashboard), for the departments the login may see: the offices and
     * administrators every department, a department handler their own. Empty when the login sees no department's
     * cases (discipline inspectors, machine users, no login): the caller answers 403. "Near a deadline" uses the
     * reminders' lead times ({@code supervision.first-feedback.reminder-before},
     * {@code supervision.handling.reminder-working-days-before}), so the dashboard warns when the reminder mail goes.
     */
    public Optional<ProvinceOverview> provinceOverview(Authentication login) {
        StaffScope scope = access.scopeOf(login);
        if (!scope.everything() && scope.departmentCodes().isEmpty()) {
            return Optional.empty();
        }
        Set<String> visible = scope.everything() ? null : scope.departmentCodes();
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        Instant feedbackSoon = now.plus(feedbackWarning);
        Instant handlingSoon = calendar.addWorkingDays(now, handlingWarningWorkingDays);
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekFrom = monday.atStartOfDay(zone).toInstant();
        Map<String, ComplaintFigures.BreachCounts> breaches = complaints.breaches(weekFrom, now.plusSeconds(1), null);
        Map<String, ComplaintFigures.WatchedCounts> counts = complaints.watchedCounts(visible, now, feedbackSoon,
                handlingSoon);
        List<ProvinceOverview.DepartmentRow> rows = departments.all().stream().map(Department::code)
                .filter(scope::coversDepartment).map(code -> {
                    ComplaintFigures.WatchedCounts c = counts.getOrDefault(code, ComplaintFigures.WatchedCounts.NONE);
                    ComplaintFigures.BreachCounts week = breaches.getOrDefault(code,
                            ComplaintFigures.BreachCounts.NONE);
                    return new ProvinceOverview.DepartmentRow(code, c.near(), c.overdue(),
                            week.firstFeedback() + week.handling(), c.notices());
                }).toList();
        ComplaintFigures.WatchedLists lists = complaints.watchedCases(visible, now, feedbackSoon, handlingSoon,
                LIST_LIMIT);
        return Optional.of(new ProvinceOverview(now, monday, rows, lists.overdue(), lists.near(), lists.notices(),
                LIST_LIMIT));
    }

    /**
     * The dashboard of one department, or empty when the department does not exist or is outside the login's scope
     * (a department sees its own, the offices every one): the caller answers 404 either way.
     */
    public Optional<DepartmentDashboard> departmentDashboard(Authentication login, String departmentCode) {
        StaffScope scope = access.scopeOf(login);
        if (departments.find(departmentCode).isEmpty() || !scope.coversDepartment(departmentCode)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        YearMonth month = YearMonth.from(now.atZone(zone));
        Instant from = start(month, zone);
        Instant to = start(month.plusMonths(1), zone);
        ComplaintFigures.BreachCounts breaches = complaints.breaches(from, to, departmentCode)
                .getOrDefault(departmentCode, ComplaintFigures.BreachCounts.NONE);
        List<DepartmentDashboard.OpenCases> open = complaints.openByStatus(departmentCode).stream()
                .map(o -> new DepartmentDashboard.OpenCases(o.status().name(), o.cases(), o.firstFeedbackBreached(),
                        o.handlingBreached())).toList();
        return Optional.of(new DepartmentDashboard(departmentCode, month, open,
                complaints.overdueOpen(departmentCode, now), breaches.firstFeedback(), breaches.handling(),
                complaints.receivedBy(departmentCode, from, to), complaints.closedBy(departmentCode, from, to)));
    }

    /**
     * The figures of every department for one month, in the directory's order. A final month (its end more than
     * {@code supervision.kpi.closed-month-grace} behind now, {@link FinalKpiMonthPolicy}) is computed once by the
     * live queries and read from {@code kpi_month_figures} afterwards, so later changes to its cases do not change
     * it until {@link #recomputeKpiMonth recomputed}; the current month, a month inside its grace period and a
     * future month are computed live.
     */
    public KpiMonth kpiMonth(YearMonth month) {
        Instant now = clock.instant();
        if (!finalMonths.isFinal(month, now)) {
            return new KpiMonth(month, computeKpiMonth(month, now), null);
        }
        Optional<KpiMonth> stored = store.find(month);
        if (stored.isPresent()) {
            return inDirectoryOrder(stored.get());
        }
        KpiMonth computed = new KpiMonth(month, computeKpiMonth(month, now), now);
        try {
            store.insert(computed);
            return computed;
        } catch (DataIntegrityViolationException | ConcurrencyFailureException storedMeanwhile) {
            // Another request stored the month first: its figures are the month's (computed by the same queries).
            return store.find(month).map(this::inDirectoryOrder).orElse(computed);
        }
    }

    /**
     * Computes a final month again from its cases and replaces its stored figures (after a correction of old data,
     * say); empty when the month is not final yet (it is computed live anyway). Logged with who asked.
     */
    public Optional<KpiMonth> recomputeKpiMonth(YearMonth month, String actor) {
        Instant now = clock.instant();
        if (!finalMonths.isFinal(month, now)) {
            return Optional.empty();
        }
        KpiMonth computed = new KpiMonth(month, computeKpiMonth(month, now), now);
        store.replace(computed);
        log.info("KPI month {} recomputed and stored again by {}", month, actor);
        return Optional.of(computed);
    }

    private KpiMonth inDirectoryOrder(KpiMonth stored) {
        Map<String, DepartmentKpis> byCode = new HashMap<>();
        stored.departments().forEach(k -> byCode.put(k.departmentCode(), k));
        return new KpiMonth(stored.month(), departments.all().stream().map(Department::code)
                .map(code -> byCode.getOrDefault(code, DepartmentKpis.none(code))).toList(), stored.computedAt());
    }

    private List<DepartmentKpis> computeKpiMonth(YearMonth month, Instant now) {
        ZoneId zone = calendar.zone();
        Instant from = start(month, zone);
        Instant to = start(month.plusMonths(1), zone);
        Map<String, ComplaintFigures.ReceivedCohort> received = complaints.receivedCohort(from, to, now);
        Map<String, ComplaintFigures.ClosedCohort> closed = complaints.closedCohort(from, to);
        Map<String, ComplaintFigures.BreachCounts> breaches = complaints.breaches(from, to, null);
        Map<String, RatingFigures.KpiRatings> rated = ratings.kpiRatings(from, to);
        Map<String, Long> rectificationBreaches = ratings.rectificationBreaches(from, to);
        return departments.all().stream().map(Department::code).map(code -> {
            ComplaintFigures.ReceivedCohort r = received.getOrDefault(code, ComplaintFigures.ReceivedCohort.NONE);
            ComplaintFigures.ClosedCohort c = closed.getOrDefault(code, ComplaintFigures.ClosedCohort.NONE);
            RatingFigures.KpiRatings s = rated.getOrDefault(code, RatingFigures.KpiRatings.NONE);
            ComplaintFigures.BreachCounts b = breaches.getOrDefault(code, ComplaintFigures.BreachCounts.NONE);
            return new DepartmentKpis(code, r.received(), r.firstFeedbackDue(), r.firstFeedbackOnTime(), c.closed(),
                    c.closedOnTime(), c.reworked(), b.firstFeedback(), b.handling(), s.ratings(), s.satisfied(),
                    s.bad(), rectificationBreaches.getOrDefault(code, 0L));
        }).toList();
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
