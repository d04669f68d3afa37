package org.opensupervision.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
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
 * distribution). Created once; existing entries are left alone. Tasklist's filters are the same for every identity
 * source: {@code access.TasklistFilters}.
 */
@Component
@ConditionalOnProperty(name = "supervision.demo-data.enabled", havingValue = "true")
class DemoIdentity {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);
    static final String DISCIPLINE_GROUP = "discipline-inspection";
    static final String EVALUATION_GROUP = "evaluation-office";

    private final IdentityService identity;
    private final DepartmentDirectory departments;

    DemoIdentity(IdentityService identity, DepartmentDirectory departments) {
        this.identity = identity;
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
    }

    private void usersAndGroups() {
        group(ComplaintProcess.SUPERVISION_OFFICE_GROUP, "效能监督机构");
        group(DISCIPLINE_GROUP, "纪检监察");
        group(EVALUATION_GROUP, "绩效评价");
        group(SupervisionProcesses.DISCIPLINE_HEAD_GROUP, "纪检监察负责人");
        user("supervisor", "督查", "专员", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        user("inspector", "纪检", "专员", DISCIPLINE_GROUP);
        user("evaluator", "评价", "专员", EVALUATION_GROUP);
        user("discipline-head", "纪检", "负责人", SupervisionProcesses.DISCIPLINE_HEAD_GROUP);
        group(StaffGroups.SUPERVISION_HEAD, "效能监督机构负责人");
        user("supervision-head", "督查", "负责人", StaffGroups.SUPERVISION_HEAD);
        membership("supervision-head", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        membership("discipline-head", DISCIPLINE_GROUP);
        membership("demo", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        group(StaffGroups.APPROVAL_SYSTEMS, "部门业务系统");
        for (Department d : departments.all()) {
            group(d.handlingGroup(), d.nameZh());
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
        } else {
            // Tasklist shows group names: Chinese only since issue 16 (earlier databases had "中文 / English").
            Group group = identity.createGroupQuery().groupId(id).singleResult();
            if (!name.equals(group.getName())) {
                group.setName(name);
                identity.saveGroup(group);
            }
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
}
