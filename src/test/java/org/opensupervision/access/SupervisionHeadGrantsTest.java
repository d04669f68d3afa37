package org.opensupervision.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The head of the supervision office gets the office's overdue steps (issue 13): a head who is not also a member of
 * the office must be able to open Tasklist, see the escalated task with its case and claim it, from the head's own
 * group grants, not from a membership of {@code supervision-office}.
 */
class SupervisionHeadGrantsTest extends IntegrationTest {

    private static final String HEAD = "head-only-test";
    private static final List<String> GROUPS = List.of(StaffGroups.SUPERVISION_HEAD);

    @Autowired
    CaseDriver cases;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @AfterEach
    void removeTheHead() {
        identity.clearAuthentication();
        if (identity.createUserQuery().userId(HEAD).count() > 0) {
            identity.deleteUser(HEAD);
        }
    }

    @Test
    void aHeadOutsideTheOfficeOpensTasklistSeesTheEscalatedTaskAndItsCaseAndClaimsIt() {
        User user = identity.newUser(HEAD);
        user.setFirstName("督查");
        user.setLastName("负责人");
        user.setPassword("head-only-test-password");
        identity.saveUser(user);
        identity.createMembership(HEAD, StaffGroups.SUPERVISION_HEAD);

        String trackingNumber = cases.fileAndRoute("GD-CAD", "SLOW_ACTION", "head-grants@example.com");
        // Nobody triages within 24 hours: the triage is offered to the head of the office as well.
        cases.advance(trackingNumber, Duration.ofHours(24).plusMinutes(1));
        String processInstanceId = cases.processInstanceId(trackingNumber);

        assertThat(authorizations.isUserAuthorized(HEAD, GROUPS, Permissions.ACCESS, Resources.APPLICATION,
                "tasklist")).as("Tasklist").isTrue();
        assertThat(authorizations.isUserAuthorized(HEAD, GROUPS, Permissions.ACCESS, Resources.APPLICATION,
                "cockpit")).as("Cockpit").isTrue();
        identity.setAuthentication(HEAD, GROUPS);
        try {
            Task triage = tasks.createTaskQuery().processInstanceId(processInstanceId)
                    .taskDefinitionKey(Activity.TRIAGE).singleResult();
            assertThat(triage).as("the escalated triage, seen by the head").isNotNull();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
                    .as("the case's process instance").isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count())
                    .as("its history").isEqualTo(1);
            tasks.claim(triage.getId(), HEAD);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(Activity.TRIAGE)
                .singleResult().getAssignee()).isEqualTo(HEAD);
    }
}
