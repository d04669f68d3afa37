package org.opensupervision.identity;

import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.opensupervision.access.StaffGroups;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.SupervisionProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo users and groups of the embedded default (the password of each demo user is its id, as in Camunda's own
 * distribution), and the Tasklist filters every user sees. Created once; existing entries are left alone.
 */
@Component
@ConditionalOnProperty(name = "supervision.demo-data.enabled", havingValue = "true")
class DemoIdentity {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);
    static final String DISCIPLINE_GROUP = "discipline-inspection";
    static final String EVALUATION_GROUP = "evaluation-office";

    private final IdentityService identity;
    private final FilterService filters;
    private final TaskService tasks;
    private final DepartmentDirectory departments;

    DemoIdentity(IdentityService identity, FilterService filters, TaskService tasks, DepartmentDirectory departments) {
        this.identity = identity;
        this.filters = filters;
        this.tasks = tasks;
        this.departments = departments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (identity.isReadOnly()) {
            // Keycloak profile: users, groups and memberships come from the realm (keycloak/realm-export.json).
            log.info("Read-only identity: demo users and groups are not created here");
        } else {
            usersAndGroups();
        }
        taskFilters();
    }

    private void usersAndGroups() {
        group(ComplaintProcess.SUPERVISION_OFFICE_GROUP, "效能监督机构 / Supervision office");
        group(DISCIPLINE_GROUP, "纪检监察 / Discipline inspection");
        group(EVALUATION_GROUP, "绩效评价 / Evaluation office");
        group(SupervisionProcesses.DISCIPLINE_HEAD_GROUP, "纪检监察负责人 / Head of discipline inspection");
        user("supervisor", "督查", "专员", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        user("inspector", "纪检", "专员", DISCIPLINE_GROUP);
        user("evaluator", "评价", "专员", EVALUATION_GROUP);
        user("discipline-head", "纪检", "负责人", SupervisionProcesses.DISCIPLINE_HEAD_GROUP);
        group(StaffGroups.SUPERVISION_HEAD, "效能监督机构负责人 / Head of the supervision office");
        user("supervision-head", "督查", "负责人", StaffGroups.SUPERVISION_HEAD);
        membership("supervision-head", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        membership("discipline-head", DISCIPLINE_GROUP);
        membership("demo", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        group(StaffGroups.APPROVAL_SYSTEMS, "部门业务系统 / Department systems");
        for (Department d : departments.all()) {
            group(d.handlingGroup(), d.nameZh() + " / " + d.nameEn());
            user("handler-" + d.code().toLowerCase(), d.nameZh(), "经办人", d.handlingGroup());
            // The department's approval system: sends its approval events over HTTP Basic (password = id).
            user(StaffGroups.SYSTEM_PREFIX + d.code().toLowerCase(), d.nameZh(), "业务系统", StaffGroups.APPROVAL_SYSTEMS);
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            log.info("Demo group {} created", id);
        }
    }

    private void user(String id, String firstName, String lastName, String groupId) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(id);
            user.setEmail(id + "@example.gov.cn");
            identity.saveUser(user);
            log.info("Demo user {} created (password: {})", id, id);
        }
        membership(id, groupId);
    }

    private void membership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0
                && identity.createUserQuery().userId(userId).count() > 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private void taskFilters() {
        filter("我的部门任务 / My groups' tasks", -10,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().orderByDueDate().asc());
        filter("分配给我 / Assigned to me", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        filter("已超时 / Overdue", 0,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
    }

    private void filter(String name, int priority, TaskQuery query) {
        List<Filter> existing = filters.createFilterQuery().filterName(name).list();
        if (existing.isEmpty()) {
            Filter filter = filters.newTaskFilter(name);
            filter.setQuery(query);
            filter.setProperties(java.util.Map.of("priority", priority, "description", name, "refresh", true));
            filters.saveFilter(filter);
        }
    }
}
