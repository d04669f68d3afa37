package org.opensupervision.dashboard.web;

import java.time.Instant;
import java.util.Locale;

import org.opensupervision.dashboard.KpiMonth;
import org.opensupervision.dashboard.SupervisionDashboards;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The department dashboard and the KPI month, for staff. */
@RestController
class DashboardApiController {

    private final SupervisionDashboards dashboards;
    private final DepartmentDirectory departments;
    private final Problems problems;

    DashboardApiController(SupervisionDashboards dashboards, DepartmentDirectory departments, Problems problems) {
        this.dashboards = dashboards;
        this.departments = departments;
        this.problems = problems;
    }

    @Operation(summary = "A department's dashboard",
            description = "Open cases by status with their breach counts, overdue open cases, breaches recorded, "
                    + "cases received and closed this month (China Standard Time). A department sees its own, the "
                    + "offices every one; 404 for another department's, as for its cases.")
    @GetMapping("/api/departments/{code}/dashboard")
    ResponseEntity<?> dashboard(@PathVariable String code, Authentication login, Locale locale) {
        return dashboards.departmentDashboard(login, code)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale)));
    }

    @Operation(summary = "KPIs of every department for one month (yyyy-MM)",
            description = "Supervision and evaluation offices only. Received, first feedback on time, closed, "
                    + "closed on time, rework, breaches and satisfaction per department; no score or rank. Sort: "
                    + "sort=field,asc|desc on department, received, firstFeedbackOnTimeRate, closed, "
                    + "closedOnTimeRate, reworkRate, breaches, satisfactionRate. A month whose end lies more than "
                    + "supervision.kpi.closed-month-grace (1 day) behind now is final: computed once, then read as "
                    + "stored, with computedAt; the current month is computed live (no computedAt).")
    @GetMapping("/api/kpi/months/{month}")
    ResponseEntity<?> kpiMonth(@PathVariable String month, @RequestParam(required = false) String sort,
                               Locale locale) {
        var parsed = KpiMonthRequest.month(month);
        if (parsed.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("month", month, "invalidMonth",
                    "yyyy-MM", locale));
        }
        if (!KpiMonthRequest.sortIsValid(sort)) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("sort", sort, "unknownField",
                    KpiMonthRequest.SORTABLE.keySet().toString(), locale));
        }
        return ResponseEntity.ok(view(dashboards.kpiMonth(parsed.get()), sort, locale));
    }

    @Operation(summary = "Recompute a final KPI month (yyyy-MM) and store it again",
            description = "Supervision office and administrators. For a month whose stored figures no longer match "
                    + "its cases (data corrected after the month was stored): computes it by the live queries, "
                    + "replaces the stored figures and answers them as GET does. 409 for a month not final yet "
                    + "(it is computed live anyway). Published evaluations are not recomputed by this.")
    @PostMapping("/api/kpi/months/{month}/recompute")
    ResponseEntity<?> recomputeKpiMonth(@PathVariable String month, Authentication login, Locale locale) {
        var parsed = KpiMonthRequest.month(month);
        if (parsed.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("month", month, "invalidMonth",
                    "yyyy-MM", locale));
        }
        return dashboards.recomputeKpiMonth(parsed.get(), login.getName())
                .<ResponseEntity<?>>map(figures -> ResponseEntity.ok(view(figures, null, locale)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(problems.problem(
                        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "problem.kpiMonthNotFinal", locale)));
    }

    private KpiMonthView view(KpiMonth figures, String sort, Locale locale) {
        var rows = figures.departments().stream().sorted(KpiMonthRequest.order(sort))
                .map(k -> KpiView.of(k, departments.get(k.departmentCode()).name(locale))).toList();
        return new KpiMonthView(figures.month().toString(), sort, rows, figures.computedAt());
    }

    /** {@code computedAt}: when a final month's stored figures were computed; absent for a month computed live. */
    record KpiMonthView(String month, String sort, java.util.List<KpiView> departments, Instant computedAt) {
    }
}
