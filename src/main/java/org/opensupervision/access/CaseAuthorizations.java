package org.opensupervision.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The per-case half of the engine's authorizations: the department holding a case may read its process instance
 * (and only that one); when the case moves to another department, the grant moves with it.
 */
@Component
public class CaseAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(CaseAuthorizations.class);

    private final AuthorizationService authorizations;

    CaseAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /**
     * Lets the group read this process instance. An instance the engine inserted in the current command (the intake's
     * starter starts and routes a complaint in one) cannot hold a grant yet, so it gets one without a look-up.
     */
    public void grantCase(String processInstanceId, String groupId) {
        boolean present = !insertedInThisCommand(processInstanceId) && authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(groupId)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
        if (!present) {
            Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(Resources.PROCESS_INSTANCE);
            grant.setResourceId(processInstanceId);
            grant.addPermission(ProcessInstancePermissions.READ);
            authorizations.saveAuthorization(grant);
            log.debug("Process instance {} readable by {}", processInstanceId, groupId);
        }
    }

    /** Whether the engine inserts this process instance when the current command ends (not in the database yet). */
    private static boolean insertedInThisCommand(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            return false;
        }
        CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache()
                .getCachedEntity(ExecutionEntity.class, processInstanceId);
        return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
    }

    /** Takes back what {@link #grantCase} gave. */
    public void revokeCase(String processInstanceId, String groupId) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }

    /**
     * Takes a group's grant on a task away. The engine grants a candidate group READ and TASK_WORK on a task when the
     * group is added, but leaves the grant in place when the group is removed: a redirect must revoke it here.
     */
    public void revokeTask(String taskId, String groupId) {
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(Resources.TASK).resourceId(taskId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }

    /** Moves the grant of a case from one group to another. */
    public void moveCase(String processInstanceId, String fromGroupId, String toGroupId) {
        if (!fromGroupId.equals(toGroupId)) {
            revokeCase(processInstanceId, fromGroupId);
        }
        grantCase(processInstanceId, toGroupId);
    }
}
