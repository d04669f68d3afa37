package org.opensupervision.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda authorizations of every staff group (the engine half of the matrix in
 * {@code docs/security.md}). Written at start-up, whatever the identity source (Camunda's own or Keycloak), and
 * brought up to date on every start: missing permissions are added, the permissions listed in
 * {@link #withdrawals()} are taken away, nothing else is touched. Tasks need no standing grant: the engine gives a
 * candidate group READ and TASK_WORK on each task it is offered ({@link EngineWriteGuard}), and a redirect takes them
 * back when the task moves. Per-case grants are {@link CaseAuthorizations}. The grants on a module's own models come
 * from that module ({@link EngineGrantContribution}).
 */
@Component
class EngineAuthorizations {

    private static final String ANY = Authorization.ANY;
    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizations.class);

    private final AuthorizationService authorizations;
    private final DepartmentDirectory departments;
    private final ObjectProvider<EngineGrantContribution> contributions;

    EngineAuthorizations(AuthorizationService authorizations, DepartmentDirectory departments,
                         ObjectProvider<EngineGrantContribution> contributions) {
        this.authorizations = authorizations;
        this.departments = departments;
        this.contributions = contributions;
    }

    /** One standing grant: a group, a resource (or {@code *}) and its permissions. */
    record Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    }

    List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        String office = StaffGroups.SUPERVISION_OFFICE;
        grants.add(new Grant(office, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(office, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        // Reading every case, working and assigning every task; no power over instances or their jobs (see
        // withdrawals()): the office judges the departments' handling, the model and its deadlines drive it.
        grants.add(new Grant(office, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN));
        grants.add(new Grant(office, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(office, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
                TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN));
        grants.add(new Grant(office, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(office, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        readOnlyModels(grants, office);
        directory(grants, office);

        // The head of the supervision office gets every step of the office's (and the evaluation review) that passed
        // its due date as a candidate group (issue 13): Tasklist and Cockpit, reading every case like the office;
        // working a task comes from being its candidate, nothing else to write.
        String head = StaffGroups.SUPERVISION_HEAD;
        grants.add(new Grant(head, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        grants.add(new Grant(head, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(head, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(head, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(head, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(head, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        readOnlyModels(grants, head);
        directory(grants, head);

        String evaluation = StaffGroups.EVALUATION_OFFICE;
        grants.add(new Grant(evaluation, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(evaluation, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(evaluation, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                HistoricProcessInstancePermissions.READ));
        readOnlyModels(grants, evaluation);
        // The monthly evaluation's review is the evaluation office's one task (issue 14): Tasklist, and the task
        // grants its candidate group gets from the engine; nothing else to work.
        grants.add(new Grant(evaluation, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        directory(grants, evaluation);

        for (String discipline : List.of(StaffGroups.DISCIPLINE_INSPECTION, StaffGroups.DISCIPLINE_HEAD)) {
            grants.add(new Grant(discipline, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(new Grant(discipline, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
            directory(grants, discipline);
        }

        List<String> departmentGroups = departments.all().stream().map(Department::handlingGroup).toList();
        for (String group : departmentGroups) {
            grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            directory(grants, group);
        }
        // The models' own grants, from the modules that own them (the departments read the diagrams and forms of the
        // models that give them tasks; the discipline inspectors work theirs).
        EngineGrants contributed = new EngineGrants(departmentGroups);
        contributions.orderedStream().forEach(contribution -> contribution.contribute(contributed));
        grants.addAll(contributed.grants());
        return grants;
    }

    /**
     * Permissions earlier versions granted and this one takes back from databases that still hold them (issue 12):
     * with UPDATE_INSTANCE, UPDATE on instances and RETRY_JOB the supervision office could suspend, reschedule,
     * execute or delete the timer jobs that carry the deadlines, modify instances and start them outside the
     * intake. Incidents are retried by administrators. READ on every Tasklist filter is taken back too (issue 16):
     * each role reads its own filters ({@link TasklistFilters}).
     */
    List<Grant> withdrawals() {
        String office = StaffGroups.SUPERVISION_OFFICE;
        List<Grant> withdrawals = new ArrayList<>(List.of(
                new Grant(office, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB),
                new Grant(office, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.UPDATE,
                        ProcessInstancePermissions.CREATE, ProcessInstancePermissions.RETRY_JOB)));
        grants().stream().map(Grant::groupId).distinct().forEach(group ->
                withdrawals.add(new Grant(group, Resources.FILTER, ANY, Permissions.READ)));
        return withdrawals;
    }

    private static void readOnlyModels(List<Grant> grants, String group) {
        grants.add(new Grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
    }

    /** The names of users and groups, which Tasklist shows; each role's task filters are {@link TasklistFilters}. */
    private static void directory(List<Grant> grants, String group) {
        grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
        grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void apply() {
        List<Grant> grants = grants();
        List<Grant> withdrawals = withdrawals();
        // The standing grants of these groups read with one query per resource id ("*", an application, a model's
        // key; never the per-case grants, whose id is an instance's or a task's), and each group's grant on a
        // resource written at most once: a query per grant made ~150 round trips on every start.
        List<Grant> all = Stream.concat(grants.stream(), withdrawals.stream()).toList();
        String[] groups = all.stream().map(Grant::groupId).distinct().toArray(String[]::new);
        Map<GrantKey, Authorization> standing = new HashMap<>();
        for (String resourceId : all.stream().map(Grant::resourceId).distinct().toList()) {
            for (Authorization authorization : authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groups).resourceId(resourceId).list()) {
                standing.put(new GrantKey(authorization.getGroupId(), authorization.getResourceType(),
                        authorization.getResourceId()), authorization);
            }
        }
        Map<GrantKey, Authorization> changed = new LinkedHashMap<>();
        int written = 0;
        for (Grant grant : grants) {
            GrantKey key = GrantKey.of(grant);
            Authorization authorization = standing.get(key);
            boolean created = authorization == null;
            if (created) {
                authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(grant.groupId());
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
                standing.put(key, authorization);
            }
            boolean extended = created;
            for (Permission permission : grant.permissions()) {
                if (!authorization.isPermissionGranted(permission)) {
                    authorization.addPermission(permission);
                    extended = true;
                }
            }
            if (extended) {
                changed.put(key, authorization);
                written++;
            }
        }
        int withdrawn = 0;
        for (Grant withdrawal : withdrawals) {
            GrantKey key = GrantKey.of(withdrawal);
            Authorization authorization = standing.get(key);
            boolean narrowed = false;
            for (Permission permission : withdrawal.permissions()) {
                if (authorization != null && authorization.isPermissionGranted(permission)) {
                    authorization.removePermission(permission);
                    narrowed = true;
                }
            }
            if (narrowed) {
                changed.put(key, authorization);
                withdrawn++;
            }
        }
        changed.values().forEach(authorizations::saveAuthorization);
        int tasks = taskUpdatesToTaskWork();
        log.info("Camunda authorizations of the staff groups checked: {} written or extended, {} narrowed, "
                + "{} task grant(s) turned from UPDATE into TASK_WORK", written, withdrawn, tasks);
    }

    /** What identifies a standing grant (Camunda keeps one per group, resource type and resource id). */
    private record GrantKey(String groupId, int resourceType, String resourceId) {
        static GrantKey of(Grant grant) {
            return new GrantKey(grant.groupId(), grant.resource().resourceType(), grant.resourceId());
        }
    }

    /**
     * The engine used to grant a task's candidates and assignee UPDATE on it, which let them write any variable
     * of the case through the task and change the task itself; it now grants TASK_WORK (see
     * {@link EngineWriteGuard}). Grants of tasks created before are turned over once, in pages.
     */
    private int taskUpdatesToTaskWork() {
        int turned = 0;
        while (true) {
            List<Authorization> page = authorizations.createAuthorizationQuery()
                    .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK)
                    .hasPermission(Permissions.UPDATE).listPage(0, 500).stream()
                    .filter(grant -> !ANY.equals(grant.getResourceId())).toList();
            if (page.isEmpty()) {
                return turned;
            }
            for (Authorization grant : page) {
                grant.removePermission(Permissions.UPDATE);
                grant.addPermission(Permissions.TASK_WORK);
                authorizations.saveAuthorization(grant);
                turned++;
            }
        }
    }
}
