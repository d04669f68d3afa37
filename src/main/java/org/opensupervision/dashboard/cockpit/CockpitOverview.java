package org.opensupervision.dashboard.cockpit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.dashboard.ProvinceOverview;
import org.opensupervision.complaint.ComplaintFigures.WatchedCase;
import org.opensupervision.dashboard.SupervisionDashboards;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON the Cockpit plugin shows, in the reader's language (Chinese unless English was asked for): the figures of
 * {@link SupervisionDashboards#provinceOverview}, department names instead of codes, times in Beijing time, every
 * label the page needs (so {@code plugin.js} carries no text of its own), and for each case its two links: the
 * process instance in Cockpit and the case file among the staff pages.
 */
@Component
class CockpitOverview {

    /** What the resource answers: the status and the JSON body. */
    record Answer(int status, String json) {
    }

    private static final List<String> LABELS = List.of("title", "intro", "department", "nearDeadline", "overdue",
            "breachesThisWeek", "openNotices", "trackingNumber", "caseTitle", "status", "deadline", "dueAt",
            "noticeDueAt", "links", "instance", "caseFile", "none", "more", "criticised", "openPage", "asOf",
            "weekFrom", "loading", "failed");

    private final SupervisionDashboards dashboards;
    private final DepartmentDirectory departments;
    private final DeadlineDisplay display;
    private final MessageSource messages;
    private final ProcessEngine engine;
    private final ObjectMapper json;

    CockpitOverview(SupervisionDashboards dashboards, DepartmentDirectory departments, DeadlineDisplay display,
                    MessageSource messages, ProcessEngine engine, ObjectMapper json) {
        this.dashboards = dashboards;
        this.departments = departments;
        this.display = display;
        this.messages = messages;
        this.engine = engine;
        this.json = json;
    }

    /**
     * The answer for a login: 200 with the overview, 403 (无权限) when the login sees no department's cases or there
     * is no login, 404 for another engine than the application's.
     */
    Answer answer(String engineName, Authentication login, Locale locale, String contextPath) {
        if (!engine.getName().equals(engineName)) {
            return problem(404, "cockpit.overview.unknownEngine", locale);
        }
        var overview = login == null ? java.util.Optional.<ProvinceOverview>empty()
                : dashboards.provinceOverview(login);
        if (overview.isEmpty()) {
            return problem(403, "cockpit.overview.forbidden", locale);
        }
        return new Answer(200, write(view(overview.get(), locale, contextPath)));
    }

    private Map<String, Object> view(ProvinceOverview o, Locale locale, String contextPath) {
        Map<String, Object> view = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        LABELS.forEach(key -> labels.put(key, text("cockpit.overview." + key, locale)));
        view.put("labels", labels);
        view.put("asOf", display.local(o.at()));
        view.put("weekFrom", o.weekFrom().toString());
        view.put("listLimit", o.listLimit());
        view.put("departments", o.departments().stream().map(d -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", d.departmentCode());
            row.put("name", departments.get(d.departmentCode()).name(locale));
            row.put("nearDeadline", d.nearDeadline());
            row.put("overdue", d.overdue());
            row.put("breachesThisWeek", d.breachesThisWeek());
            row.put("openNotices", d.openNotices());
            return row;
        }).toList());
        view.put("overdue", cases(o.overdue(), locale, contextPath));
        view.put("nearDeadline", cases(o.nearDeadline(), locale, contextPath));
        view.put("openNotices", cases(o.openNotices(), locale, contextPath));
        return view;
    }

    private List<Map<String, Object>> cases(List<WatchedCase> cases, Locale locale, String contextPath) {
        return cases.stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trackingNumber", c.trackingNumber());
            row.put("title", c.title());
            row.put("departmentCode", c.departmentCode());
            row.put("department", departments.find(c.departmentCode()).map(d -> d.name(locale))
                    .orElse(c.departmentCode()));
            row.put("status", text("status." + c.status(), locale));
            row.put("deadline", text("cockpit.overview.deadline." + c.deadline(), locale));
            row.put("dueAt", display.local(c.dueAt()));
            row.put("noticeDueAt", c.noticeDueAt() == null ? null : display.local(c.noticeDueAt()));
            row.put("criticised", c.criticised());
            // Cockpit's own route to the instance on its diagram; the case file is one of the staff pages.
            row.put("instanceLink", c.processInstanceId() == null ? null
                    : "#/process-instance/" + c.processInstanceId() + "/runtime");
            row.put("caseLink", contextPath + "/staff/complaints/" + c.trackingNumber());
            return row;
        }).toList();
    }

    private Answer problem(int status, String key, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", text(key + ".title", locale));
        body.put("detail", text(key, locale));
        return new Answer(status, write(body));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
