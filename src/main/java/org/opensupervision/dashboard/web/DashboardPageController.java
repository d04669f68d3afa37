package org.opensupervision.dashboard.web;

import java.time.Clock;
import java.time.YearMonth;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.dashboard.SupervisionDashboards;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The staff pages of the department dashboard and the KPI month. */
@Controller
class DashboardPageController {

    private final SupervisionDashboards dashboards;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    DashboardPageController(SupervisionDashboards dashboards, DepartmentDirectory departments,
                            WorkingDayCalendar calendar, Clock clock) {
        this.dashboards = dashboards;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/staff/departments/{code}/dashboard")
    String dashboard(@PathVariable String code, Authentication login, Model model) {
        model.addAttribute("d", dashboards.departmentDashboard(login, code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("department", departments.get(code));
        return "staff/dashboard";
    }

    @GetMapping("/staff/kpi")
    String kpi(@RequestParam(required = false) String month, @RequestParam(required = false) String sort,
               Model model) {
        YearMonth shown = month == null || month.isBlank()
                ? YearMonth.from(clock.instant().atZone(calendar.zone()))
                : KpiMonthRequest.month(month).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        if (!KpiMonthRequest.sortIsValid(sort)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        model.addAttribute("month", shown);
        model.addAttribute("sort", sort);
        model.addAttribute("rows", dashboards.kpiMonth(shown).departments().stream()
                .sorted(KpiMonthRequest.order(sort)).toList());
        model.addAttribute("departmentsByCode", departments.all().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.code(), d -> d)));
        return "staff/kpi";
    }
}
