package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task's candidates get their grants as the engine gives them, with one query fewer for a task the same command
 * created: looked up when the task is stored already, not when it is new.
 */
class NewTaskGrantsTest extends IntegrationTest {

    private static final String GROUP = "new-task-grants-test-group";
    private static final String USER = "new-task-grants-test-user";

    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;

    private final String taskId = "new-task-grants-" + UUID.randomUUID();

    @AfterEach
    void removeTheTaskAndItsGrants() {
        if (tasks.createTaskQuery().taskId(taskId).count() > 0) {
            tasks.deleteTask(taskId, true);
        }
        authorizations.createAuthorizationQuery().resourceId(taskId).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }

    @Test
    void aTaskCreatedWithItsCandidatesInOneCommandGivesEachOneGrant() {
        inOneCommand(() -> {
            tasks.saveTask(tasks.newTask(taskId));
            tasks.addCandidateGroup(taskId, GROUP);
            tasks.addCandidateUser(taskId, USER);
        });

        assertThat(grantsOnTheTask()).hasSize(2).allSatisfy(grant -> {
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        });
        assertThat(grantsOnTheTask()).extracting(Authorization::getGroupId).containsOnlyOnce(GROUP);
        assertThat(grantsOnTheTask()).extracting(Authorization::getUserId).containsOnlyOnce(USER);
    }

    @Test
    void aStoredTaskIsLookedUpAndKeepsOneGrantPerGroup() {
        tasks.saveTask(tasks.newTask(taskId));
        tasks.addCandidateGroup(taskId, GROUP);
        tasks.deleteCandidateGroup(taskId, GROUP);
        tasks.addCandidateGroup(taskId, GROUP);

        assertThat(grantsOnTheTask()).singleElement().satisfies(grant -> {
            assertThat(grant.getGroupId()).isEqualTo(GROUP);
            assertThat(grant.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
        });
    }

    @Test
    void aTaskNewInTheCommandIsNotLookedUpForAGrant() {
        // A grant for the id before the task exists, which the engine never leaves: its default provider would find it
        // and extend it; a new task's grant is inserted without the look-up, and meets it in the unique key.
        Authorization orphan = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        orphan.setGroupId(GROUP);
        orphan.setResource(Resources.TASK);
        orphan.setResourceId(taskId);
        orphan.addPermission(Permissions.READ);
        authorizations.saveAuthorization(orphan);

        Throwable failure = catchThrowable(() -> inOneCommand(() -> {
            tasks.saveTask(tasks.newTask(taskId));
            tasks.addCandidateGroup(taskId, GROUP);
        }));
        assertThat(failure).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        // H2 names the key in capitals, PostgreSQL in lower case.
        assertThat(trace.toString()).containsIgnoringCase("ACT_UNIQ_AUTH_GROUP");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }

    private List<Authorization> grantsOnTheTask() {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).resourceId(taskId).list();
    }

    /** The service calls joined into one engine command, as the intake's starter runs a batch's starts. */
    private void inOneCommand(Runnable calls) {
        CommandExecutor commands = ((ServiceImpl) tasks).getCommandExecutor();
        commands.execute(context -> {
            calls.run();
            return null;
        });
    }
}
