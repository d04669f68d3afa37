package org.opensupervision.access;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's grants to a task's candidates and assignee, without looking for a grant already there when the task is
 * new in the current command (issue 17). The engine's default provider queries {@code ACT_RU_AUTHORIZATION} before it
 * creates each grant, so that a second candidate link adds permissions to the first grant; a task the command has
 * only just created has no row in the database yet, so that query can only come back empty (its rows are written
 * when the command ends, and the engine's queries do not see them before). The intake's starter creates two tasks per
 * complaint: two queries per routed complaint fewer. A task already in the database is looked up as before.
 */
@Component
class NewTaskGrants extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        protected AuthorizationEntity getGrantAuthorizationByGroupId(String groupId, Resource resource,
                                                                     String resourceId) {
            return newTask(resource, resourceId) ? null
                    : super.getGrantAuthorizationByGroupId(groupId, resource, resourceId);
        }

        @Override
        protected AuthorizationEntity getGrantAuthorizationByUserId(String userId, Resource resource,
                                                                    String resourceId) {
            return newTask(resource, resourceId) ? null
                    : super.getGrantAuthorizationByUserId(userId, resource, resourceId);
        }

        /** Whether the resource is a task (or its history) that the engine inserts when the current command ends. */
        private static boolean newTask(Resource resource, String taskId) {
            if (resource.resourceType() != Resources.TASK.resourceType()
                    && resource.resourceType() != Resources.HISTORIC_TASK.resourceType()) {
                return false;
            }
            CommandContext context = Context.getCommandContext();
            if (context == null || taskId == null) {
                return false;
            }
            CachedDbEntity cached = context.getDbEntityManager().getDbEntityCache()
                    .getCachedEntity(TaskEntity.class, taskId);
            return cached != null && cached.getEntityState() == DbEntityState.TRANSIENT;
        }
    }
}
