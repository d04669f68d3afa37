package org.opensupervision.dashboard.web;

import java.util.Locale;

import org.opensupervision.dashboard.SupervisionDashboards;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
                    + "closedOnTimeRate, reworkRate, breaches, satisfactionRate.")
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
        var rows = dashboards.kpiMonth(parsed.get()).stream().sorted(KpiMonthRequest.order(sort))
                .map(k -> KpiView.of(k, departments.get(k.departmentCode()).name(locale))).toList();
        return ResponseEntity.ok(new KpiMonthView(parsed.get().toString(), sort, rows));
    }

    record KpiMonthView(String month, String sort, java.util.List<KpiView> departments) {
    }
}
