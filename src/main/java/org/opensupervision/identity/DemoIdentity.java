package org.opensupervision.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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
        DemoEntries entries = new DemoEntries();
        entries.group(ComplaintProcess.SUPERVISION_OFFICE_GROUP, "效能监督机构");
        entries.group(DISCIPLINE_GROUP, "纪检监察");
        entries.group(EVALUATION_GROUP, "绩效评价");
        entries.group(SupervisionProcesses.DISCIPLINE_HEAD_GROUP, "纪检监察负责人");
        entries.user("supervisor", "督查", "专员", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        entries.user("inspector", "纪检", "专员", DISCIPLINE_GROUP);
        entries.user("evaluator", "评价", "专员", EVALUATION_GROUP);
        entries.user("discipline-head", "纪检", "负责人", SupervisionProcesses.DISCIPLINE_HEAD_GROUP);
        entries.group(StaffGroups.SUPERVISION_HEAD, "效能监督机构负责人");
        entries.user("supervision-head", "督查", "负责人", StaffGroups.SUPERVISION_HEAD);
        entries.membership("supervision-head", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        entries.membership("discipline-head", DISCIPLINE_GROUP);
        entries.membership("demo", ComplaintProcess.SUPERVISION_OFFICE_GROUP);
        entries.group(StaffGroups.APPROVAL_SYSTEMS, "部门业务系统");
        for (Department d : departments.all()) {
            entries.group(d.handlingGroup(), d.nameZh());
            entries.user("handler-" + d.code().toLowerCase(), d.nameZh(), "经办人", d.handlingGroup());
            // The department's approval system: sends its approval events over HTTP Basic (password = id).
            entries.user(StaffGroups.SYSTEM_PREFIX + d.code().toLowerCase(), d.nameZh(), "业务系统",
                    StaffGroups.APPROVAL_SYSTEMS);
        }
    }

    /**
     * The demo entries against what the identity store held at the start; writes only what is missing or changed.
     * What exists is read once (two queries, then one a user for its groups) rather than asked entry by entry: this
     * runs at every start, before the application reports ready.
     */
    private final class DemoEntries {

        private final Map<String, Group> groups = new HashMap<>();
        private final Set<String> users = new HashSet<>();
        private final Map<String, Set<String>> memberships = new HashMap<>();

        DemoEntries() {
            identity.createGroupQuery().list().forEach(g -> groups.put(g.getId(), g));
            identity.createUserQuery().list().forEach(u -> users.add(u.getId()));
        }

        void group(String id, String name) {
            Group group = groups.get(id);
            if (group == null) {
                group = identity.newGroup(id);
                group.setName(name);
                group.setType("WORKFLOW");
                identity.saveGroup(group);
                groups.put(id, group);
                log.info("Demo group {} created", id);
            } else if (!name.equals(group.getName())) {
                // Tasklist shows group names: Chinese only since issue 16 (earlier databases had "中文 / English").
                group.setName(name);
                identity.saveGroup(group);
            }
        }

        void user(String id, String firstName, String lastName, String groupId) {
            if (!users.contains(id)) {
                User user = identity.newUser(id);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setPassword(id);
                user.setEmail(id + "@example.gov.cn");
                identity.saveUser(user);
                users.add(id);
                memberships.put(id, new HashSet<>());
                log.info("Demo user {} created (password: {})", id, id);
            }
            membership(id, groupId);
        }

        void membership(String userId, String groupId) {
            if (!users.contains(userId)) {
                return;
            }
            Set<String> of = memberships.computeIfAbsent(userId, u -> {
                Set<String> ids = new HashSet<>();
                identity.createGroupQuery().groupMember(u).list().forEach(g -> ids.add(g.getId()));
                return ids;
            });
            if (of.add(groupId)) {
                identity.createMembership(userId, groupId);
            }
        }
    }
}
