package org.opensupervision.access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, whatever the identity source (Camunda's own or Keycloak): filters are data of
 * the engine, not of the identity. A handler opens Tasklist on his department's list (the lowest {@code priority}
 * is Tasklist's first and default filter), then 待反馈 (first feedback due within the reminder window), 已超时,
 * 我的任务 and 全部待办. Every filter lists only the tasks its user may read, and each group reads only the filters
 * of its role (a READ grant per filter and group, no grant on every filter). Each card shows the case's 受理编号,
 * title and handling department (the filter's {@code variables}); its deadline is the task's due date, which
 * Tasklist shows on every card and sorts by.
 *
 * <p>Brought up to date on every start: a filter of that name is rewritten, filters of earlier versions (their
 * bilingual names) are deleted.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    static final String DEPARTMENT = "本部门待办";
    static final String OFFICE = "本机构待办";
    static final String FEEDBACK_DUE = "待反馈";
    static final String OVERDUE = "已超时";
    static final String MINE = "我的任务";
    static final String ALL = "全部待办";

    /** Names of the filters earlier versions created (DemoIdentity, camunda.bpm.filter.create). */
    static final List<String> RETIRED = List.of("我的部门任务 / My groups' tasks", "分配给我 / Assigned to me",
            "已超时 / Overdue", "全部任务 / All tasks");

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final DepartmentDirectory departments;
    private final Duration feedbackWindow;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
                    DepartmentDirectory departments,
                    @Value("${supervision.first-feedback.reminder-before:PT4H}") Duration feedbackWindow) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.departments = departments;
        this.feedbackWindow = feedbackWindow;
    }

    /** One filter: its name, its place in Tasklist's list, its query and the groups that see it. */
    record TaskFilter(String name, int priority, String description, TaskQuery query, List<String> groups) {
    }

    List<TaskFilter> definitions() {
        List<String> departmentGroups = departments.all().stream().map(Department::handlingGroup).toList();
        List<String> officeGroups = List.of(StaffGroups.SUPERVISION_OFFICE, StaffGroups.SUPERVISION_HEAD,
                StaffGroups.DISCIPLINE_INSPECTION, StaffGroups.DISCIPLINE_HEAD, StaffGroups.EVALUATION_OFFICE);
        List<String> everyone = new ArrayList<>(departmentGroups);
        everyone.addAll(officeGroups);
        long minutes = feedbackWindow.toMinutes();
        return List.of(
                new TaskFilter(DEPARTMENT, -20, "本部门可办理的任务，期限最近的在前",
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc(), departmentGroups),
                new TaskFilter(OFFICE, -20, "本机构可办理的任务，期限最近的在前",
                        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().orderByDueDate().asc(), officeGroups),
                new TaskFilter(FEEDBACK_DUE, -10, "首次反馈期限在 " + minutes / 60 + " 小时内的案件",
                        tasks.createTaskQuery().taskDefinitionKey(ComplaintProcess.Activity.FIRST_FEEDBACK)
                                .dueBeforeExpression("${dateTime().plusMinutes(" + minutes + ").toDate()}")
                                .orderByDueDate().asc(), everyone),
                new TaskFilter(OVERDUE, 0, "已过办理期限的任务",
                        tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), everyone),
                new TaskFilter(MINE, 5, "已由我认领的任务",
                        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
                        everyone),
                new TaskFilter(ALL, 10, "我有权查看的全部待办任务",
                        tasks.createTaskQuery().orderByDueDate().asc(), everyone));
    }

    /** What every task card shows besides the task's name and due date. */
    static List<Map<String, String>> cardVariables() {
        return List.of(
                Map.of("name", ComplaintProcess.Var.TRACKING_NUMBER, "label", "受理编号"),
                Map.of("name", ComplaintProcess.Var.TITLE, "label", "标题"),
                Map.of("name", ComplaintProcess.Var.HANDLING_DEPARTMENT_NAME, "label", "办理部门"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void apply() {
        for (String retired : RETIRED) {
            filters.createFilterQuery().filterName(retired).list().forEach(old -> delete(old.getId()));
        }
        for (TaskFilter definition : definitions()) {
            List<Filter> existing = filters.createFilterQuery().filterName(definition.name()).list();
            Filter filter = existing.isEmpty() ? filters.newTaskFilter(definition.name()) : existing.get(0);
            existing.stream().skip(1).forEach(duplicate -> delete(duplicate.getId()));
            filter.setQuery(definition.query());
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("priority", definition.priority());
            properties.put("description", definition.description());
            properties.put("refresh", true);
            properties.put("showUndefinedVariable", false);
            properties.put("variables", cardVariables());
            filter.setProperties(properties);
            filters.saveFilter(filter);
            readableBy(filter.getId(), definition.groups());
        }
        log.info("Tasklist filters of the roles checked: {}", definitions().stream().map(TaskFilter::name).toList());
    }

    private void delete(String filterId) {
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        filters.deleteFilter(filterId);
    }

    private void readableBy(String filterId, List<String> groups) {
        List<Authorization> grants = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.FILTER)
                .resourceId(filterId).list();
        for (Authorization grant : grants) {
            if (grant.getGroupId() != null && !groups.contains(grant.getGroupId())) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
        for (String group : groups) {
            boolean granted = grants.stream().anyMatch(grant -> group.equals(grant.getGroupId()));
            if (!granted) {
                Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                grant.setGroupId(group);
                grant.setResource(Resources.FILTER);
                grant.setResourceId(filterId);
                grant.addPermission(Permissions.READ);
                authorizations.saveAuthorization(grant);
            }
        }
    }
}
