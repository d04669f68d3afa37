package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The standing grants are brought up to date at every start: a missing grant is written, a narrowed one extended, the
 * permissions of earlier versions withdrawn, and nothing else touched (the per-case grants above all), whichever of
 * these a database holds at once.
 */
class EngineAuthorizationsTest extends IntegrationTest {

    private static final String CASE_INSTANCE = "engine-authorizations-test-instance";

    @Autowired
    EngineAuthorizations standing;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    DepartmentDirectory departments;

    @AfterEach
    void removeWhatTheTestAdded() {
        String department = departments.all().iterator().next().handlingGroup();
        for (Authorization added : authorizations.createAuthorizationQuery().groupIdIn(department)
                .resourceType(Resources.FILTER).resourceId(Authorization.ANY).list()) {
            authorizations.deleteAuthorization(added.getId());
        }
        for (Authorization added : authorizations.createAuthorizationQuery().resourceId(CASE_INSTANCE).list()) {
            authorizations.deleteAuthorization(added.getId());
        }
        standing.apply();
    }

    @Test
    void aStartWritesMissingGrantsExtendsNarrowedOnesWithdrawsOldPermissionsAndLeavesCaseGrantsAlone() {
        String office = StaffGroups.SUPERVISION_OFFICE;
        String head = StaffGroups.SUPERVISION_HEAD;
        String department = departments.all().iterator().next().handlingGroup();
        // A database as an earlier version, or an administrator, left it.
        authorizations.deleteAuthorization(grant(office, Resources.APPLICATION, "tasklist").getId());
        Authorization headModels = grant(head, Resources.PROCESS_DEFINITION, Authorization.ANY);
        headModels.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(headModels);
        Authorization officeModels = grant(office, Resources.PROCESS_DEFINITION, Authorization.ANY);
        officeModels.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
        officeModels.addPermission(ProcessDefinitionPermissions.RETRY_JOB);
        authorizations.saveAuthorization(officeModels);
        save(department, Resources.FILTER, Authorization.ANY, Permissions.READ);
        save(department, Resources.PROCESS_INSTANCE, CASE_INSTANCE, ProcessInstancePermissions.READ);

        standing.apply();

        assertThat(grant(office, Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(grant(head, Resources.PROCESS_DEFINITION, Authorization.ANY)
                .isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
        Authorization officeModelsNow = grant(office, Resources.PROCESS_DEFINITION, Authorization.ANY);
        assertThat(officeModelsNow.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)).isFalse();
        assertThat(officeModelsNow.isPermissionGranted(ProcessDefinitionPermissions.RETRY_JOB)).isFalse();
        assertThat(officeModelsNow.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)).isTrue();
        assertThat(grant(department, Resources.FILTER, Authorization.ANY).isPermissionGranted(Permissions.READ))
                .isFalse();
        Authorization caseGrant = grant(department, Resources.PROCESS_INSTANCE, CASE_INSTANCE);
        assertThat(caseGrant.isPermissionGranted(ProcessInstancePermissions.READ)).isTrue();
        assertThat(caseGrant.isPermissionGranted(ProcessInstancePermissions.UPDATE)).isFalse();
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(office).resourceType(Resources.APPLICATION)
                .resourceId("tasklist").count()).isEqualTo(1);
    }

    @Test
    void aSecondStartChangesNothing() {
        String office = StaffGroups.SUPERVISION_OFFICE;
        standing.apply();
        Authorization before = grant(office, Resources.PROCESS_DEFINITION, Authorization.ANY);

        standing.apply();

        Authorization after = grant(office, Resources.PROCESS_DEFINITION, Authorization.ANY);
        assertThat(after.getId()).isEqualTo(before.getId());
        assertThat(((AuthorizationEntity) after).getRevision()).isEqualTo(((AuthorizationEntity) before).getRevision());
    }

    private Authorization grant(String group, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    }

    private void save(String group, Resource resource, String resourceId, Permission permission) {
        Authorization grant = grant(group, resource, resourceId);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
