package org.opensupervision.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.opensupervision.access.StaffScope;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ComplaintAccess;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** The department dashboard and the monthly KPIs; months are calendar months in China Standard Time. */
@Service
public class SupervisionDashboards {

    /** The province overview lists at most this many cases of each kind; its counts are complete. */
    static final int LIST_LIMIT = 50;

    private final SupervisionFigures figures;
    private final ComplaintAccess access;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Duration feedbackWarning;
    private final int handlingWarningWorkingDays;

    SupervisionDashboards(SupervisionFigures figures, ComplaintAccess access, DepartmentDirectory departments,
                          WorkingDayCalendar calendar, Clock clock,
                          @Value("${supervision.first-feedback.reminder-before:PT4H}") Duration feedbackWarning,
                          @Value("${supervision.handling.reminder-working-days-before:1}")
                          int handlingWarningWorkingDays) {
        this.figures = figures;
        this.access = access;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
        this.feedbackWarning = feedbackWarning;
        this.handlingWarningWorkingDays = Math.max(1, handlingWarningWorkingDays);
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
        Map<String, Map<String, Long>> breaches = figures.breaches(weekFrom, now.plusSeconds(1), null);
        Map<String, long[]> counts = figures.watchedCounts(visible, now, feedbackSoon, handlingSoon);
        List<ProvinceOverview.DepartmentRow> rows = departments.all().stream().map(Department::code)
                .filter(scope::coversDepartment).map(code -> {
                    long[] c = counts.getOrDefault(code, new long[3]);
                    long week = breaches.getOrDefault(code, Map.of()).values().stream().mapToLong(Long::longValue)
                            .sum();
                    return new ProvinceOverview.DepartmentRow(code, c[1], c[0], week, c[2]);
                }).toList();
        var lists = figures.watchedCases(visible, now, feedbackSoon, handlingSoon, LIST_LIMIT);
        return Optional.of(new ProvinceOverview(now, monday, rows, lists.get("overdue"), lists.get("near"),
                lists.get("notices"), LIST_LIMIT));
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
        Map<String, Long> breaches = figures.breaches(from, to, departmentCode).getOrDefault(departmentCode, Map.of());
        return Optional.of(new DepartmentDashboard(departmentCode, month, figures.openByStatus(departmentCode),
                figures.overdueOpen(departmentCode, now), breaches.getOrDefault("FIRST_FEEDBACK", 0L),
                breaches.getOrDefault("HANDLING", 0L), figures.receivedBy(departmentCode, from, to),
                figures.closedBy(departmentCode, from, to)));
    }

    /** The figures of every department for one month, in the directory's order. */
    public List<DepartmentKpis> kpiMonth(YearMonth month) {
        ZoneId zone = calendar.zone();
        Instant from = start(month, zone);
        Instant to = start(month.plusMonths(1), zone);
        Map<String, long[]> received = figures.receivedCohort(from, to, clock.instant());
        Map<String, long[]> closed = figures.closedCohort(from, to);
        Map<String, Map<String, Long>> breaches = figures.breaches(from, to, null);
        Map<String, long[]> ratings = figures.ratings(from, to);
        Map<String, Long> rectificationBreaches = figures.rectificationBreaches(from, to);
        long[] none = new long[3];
        return departments.all().stream().map(Department::code).map(code -> {
            long[] r = received.getOrDefault(code, none);
            long[] c = closed.getOrDefault(code, none);
            long[] s = ratings.getOrDefault(code, none);
            Map<String, Long> b = breaches.getOrDefault(code, Map.of());
            return new DepartmentKpis(code, r[0], r[1], r[2], c[0], c[1], c[2],
                    b.getOrDefault("FIRST_FEEDBACK", 0L), b.getOrDefault("HANDLING", 0L), s[0], s[1], s[2],
                    rectificationBreaches.getOrDefault(code, 0L));
        }).toList();
    }

    private static Instant start(YearMonth month, ZoneId zone) {
        return month.atDay(1).atStartOfDay(zone).toInstant();
    }
}
