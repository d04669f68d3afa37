package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.junit.jupiter.api.Test;

/**
 * Which of the engine's history events reach Camunda's tables (issue 17): the decision of {@link CamundaHistoryWriter}
 * row type by row type, with production's settings. A row type left out here that comes back fails a test here and in
 * {@link CamundaHistoryStorageTest}.
 */
class CamundaHistoryWriterTest {

    private static final String CASE_PROCESS = "case-instance";
    private static final String OTHER_PROCESS = "monthly-evaluation-instance";

    private final List<HistoryEvent> written = new ArrayList<>();
    private final HistoryEventHandler database = new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
            written.add(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            written.addAll(events);
        }
    };
    private final CamundaHistoryWriter production = writer(new AuditProperties.CamundaHistory(false, false));

    private CamundaHistoryWriter writer(AuditProperties.CamundaHistory keep) {
        return new CamundaHistoryWriter(database, keep, CASE_PROCESS::equals);
    }

    @Test
    void noVariableOfAnyProcessIsKept() {
        HistoricVariableUpdateEventEntity variable = new HistoricVariableUpdateEventEntity();
        variable.setVariableName("trackingNumber");
        variable.setProcessInstanceId(OTHER_PROCESS);

        production.handleEvent(variable);

        assertThat(written).isEmpty();
    }

    @Test
    void aCasesActivitiesAreLeftToTheTrailOtherProcessesKeepTheirs() {
        assertThat(production.kept(activity(CASE_PROCESS, "serviceTask"))).isFalse();
        assertThat(production.kept(activity(CASE_PROCESS, "noneEndEvent"))).isFalse();
        assertThat(production.kept(activity(OTHER_PROCESS, "serviceTask"))).isTrue();
        assertThat(production.kept(activity(OTHER_PROCESS, "exclusiveGateway"))).isFalse();
        assertThat(production.kept(activity(OTHER_PROCESS, "userTask"))).isFalse();

        CamundaHistoryWriter forProcessTests = writer(new AuditProperties.CamundaHistory(true, false));
        assertThat(forProcessTests.kept(activity(CASE_PROCESS, "serviceTask"))).isTrue();
        assertThat(forProcessTests.kept(activity(CASE_PROCESS, "parallelGateway"))).isFalse();
    }

    @Test
    void theJobLogKeepsFailuresOnly() {
        assertThat(production.kept(job(JobState.FAILED))).isTrue();
        assertThat(production.kept(job(JobState.CREATED))).isFalse();
        assertThat(production.kept(job(JobState.SUCCESSFUL))).isFalse();
        assertThat(production.kept(job(JobState.DELETED))).isFalse();

        CamundaHistoryWriter withRuns = writer(new AuditProperties.CamundaHistory(false, true));
        assertThat(withRuns.kept(job(JobState.SUCCESSFUL))).isTrue();
        assertThat(withRuns.kept(job(JobState.DELETED))).isTrue();
        assertThat(withRuns.kept(job(JobState.CREATED))).isFalse();
    }

    @Test
    void theOperationLogLeavesOutTaskCompletionsOnly() {
        assertThat(production.kept(operation(EntityTypes.TASK, UserOperationLogEntry.OPERATION_TYPE_COMPLETE)))
                .isFalse();
        assertThat(production.kept(operation(EntityTypes.TASK, UserOperationLogEntry.OPERATION_TYPE_ASSIGN)))
                .isTrue();
        assertThat(production.kept(operation(EntityTypes.PROCESS_INSTANCE,
                UserOperationLogEntry.OPERATION_TYPE_DELETE))).isTrue();
    }

    @Test
    void processInstancesAndTasksAreKeptTheIdentityLinkLogIsNot() {
        HistoricProcessInstanceEventEntity process = new HistoricProcessInstanceEventEntity();
        process.setProcessInstanceId(CASE_PROCESS);
        HistoricTaskInstanceEventEntity task = new HistoricTaskInstanceEventEntity();
        task.setProcessInstanceId(CASE_PROCESS);

        production.handleEvents(List.of(process, task, new HistoricIdentityLinkLogEventEntity()));

        assertThat(written).containsExactly(process, task);
    }

    private static HistoricActivityInstanceEventEntity activity(String processInstanceId, String type) {
        HistoricActivityInstanceEventEntity a = new HistoricActivityInstanceEventEntity();
        a.setProcessInstanceId(processInstanceId);
        a.setActivityType(type);
        return a;
    }

    private static HistoricJobLogEventEntity job(JobState state) {
        HistoricJobLogEventEntity j = new HistoricJobLogEventEntity();
        j.setProcessInstanceId(CASE_PROCESS);
        j.setState(state.getStateCode());
        return j;
    }

    private static UserOperationLogEntryEventEntity operation(String entityType, String operationType) {
        UserOperationLogEntryEventEntity op = new UserOperationLogEntryEventEntity();
        op.setEntityType(entityType);
        op.setOperationType(operationType);
        return op;
    }
}
