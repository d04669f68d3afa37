package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.handling.CaseDriver;
import org.opensupervision.rating.RatingProcess;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Activity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a closed complaint leaves in Camunda's history with production's settings (issue 17, figure 5): its two process
 * instances and its tasks, and none of the rows the audit trail repeats (variables, activities, the job log of jobs
 * run, task completions in the operation log, the identity link log), while the trail holds all of it, once. With
 * production's {@code activities-of-cases} (the test profile keeps a case's activity instances for the process
 * tests), on an H2 database of its own.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:camunda-history-storage;DB_CLOSE_DELAY=-1",
        "supervision.audit.camunda-history.activities-of-cases=false",
        // An engine of its own name: Camunda keeps a JVM-wide registry of engines by name, and /engine-rest serves the
        // engine named "default", which must stay the shared test context's for the tests that run after this one.
        "camunda.bpm.process-engine-name=historyStorageTest"})
@ActiveProfiles("test")
@DirtiesContext
class CamundaHistoryStorageTest {

    @Autowired
    CaseDriver cases;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    AuditTrail trail;

    @Test
    void aClosedComplaintLeavesItsProcessesAndTasksInCamundasHistoryAndEveryOtherFactInTheTrail() {
        String tn = cases.file(CaseDriver.submission("GD-AMR", "ATTITUDE", "history@example.com"));
        cases.runDueJobs(tn);
        cases.completeAs("supervisor", tn, Activity.TRIAGE, Map.of("triageDecision", "ACCEPT"));
        cases.completeAs("handler-gd-amr", tn, Activity.FIRST_FEEDBACK, Map.of("firstFeedbackText", "已受理。"));
        cases.completeAs("handler-gd-amr", tn, Activity.HANDLING, Map.of("handlingAction", "REPLY",
                "replyText", "已向窗口人员批评教育。"));
        cases.completeAs("supervisor", tn, Activity.REVIEW_REPLY, Map.of("reviewDecision", "APPROVE"));
        runRatingJobs(tn);
        // Nobody rates: after seven days the rating defaults and the rating process ends.
        CaseDriver.moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8)));
        runRatingJobs(tn);

        List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(tn).list();
        assertThat(processes).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .containsExactlyInAnyOrder(ComplaintProcess.KEY, RatingProcess.KEY);
        assertThat(processes).allSatisfy(p -> {
            assertThat(p.getEndTime()).as("ended").isNotNull();
            assertThat(p.getRemovalTime()).as("removal time for the history cleanup").isNotNull();
        });
        String complaint = cases.processInstanceId(tn);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(complaint).count()).isEqualTo(4);
        for (HistoricProcessInstance p : processes) {
            String id = p.getId();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).as(id).isZero();
            assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).as(id).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).as(id).isZero();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(id).count()).as(id).isZero();
            assertThat(history.createUserOperationLogQuery().processInstanceId(id).operationType("Complete").count())
                    .as(id).isZero();
        }
        assertThat(history.createHistoricIdentityLinkLogQuery().count()).isZero();
        // Four tasks assigned, no unique-task-worker row (taskMetricsEnabled: false; only Camunda's licence report
        // reads them).
        assertThat(management.getUniqueTaskWorkerCount(null, null)).isZero();

        // The trail has what those rows would have told: the values, the activities, who completed each task, the
        // timer that fired.
        List<AuditEntry> entries = trail.entriesOf(tn);
        assertThat(entries).filteredOn(e -> "VARIABLES_SET".equals(e.kind()))
                .anySatisfy(e -> assertThat(e.detail()).contains("\"replyText\":\"已向窗口人员批评教育。\""));
        // The display copies of the complaint's columns are no fact of the trail: the complaint row keeps them.
        assertThat(entries).filteredOn(e -> "VARIABLES_SET".equals(e.kind())).extracting(AuditEntry::detail)
                .isNotEmpty().allSatisfy(detail -> assertThat(detail).doesNotContain("\"title\"",
                        "\"complaintSummary\"", "\"departmentName\"", "\"handlingDueDisplay\""));
        assertThat(entries).filteredOn(e -> "VARIABLES_SET".equals(e.kind()))
                .anySatisfy(e -> assertThat(e.detail()).contains("\"handlingDepartmentCode\":\"GD-AMR\""));
        assertThat(entries).filteredOn(e -> "ACTIVITY_EXECUTED".equals(e.kind())).extracting(AuditEntry::element)
                .contains("Task_RecordRouting", "Task_RecordReply", "EndEvent_ComplaintClosed",
                        "Task_RecordDefaultRating");
        assertThat(entries).filteredOn(e -> "TASK_COMPLETED".equals(e.kind()))
                .extracting(AuditEntry::element, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Activity.TRIAGE, "supervisor"),
                        org.assertj.core.groups.Tuple.tuple(Activity.FIRST_FEEDBACK, "handler-gd-amr"),
                        org.assertj.core.groups.Tuple.tuple(Activity.HANDLING, "handler-gd-amr"),
                        org.assertj.core.groups.Tuple.tuple(Activity.REVIEW_REPLY, "supervisor"));
        // Each task was claimed on completion (workflow.ClaimOnCompletion): the completion's actor says who, no
        // "task changed" entry repeats it.
        assertThat(entries).extracting(AuditEntry::kind).doesNotContain("TASK_UPDATED");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TIMER_FIRED");
            assertThat(e.element()).isEqualTo("Event_RatingDue");
        });
        assertThat(trail.verify(tn).intact()).isTrue();
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    private void runRatingJobs(String tn) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = management.createJobQuery().processDefinitionKey(RatingProcess.KEY).executable().list()
                    .stream().filter(j -> tn.equals(businessKeyOf(j))).toList();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Rating jobs keep coming");
    }

    private String businessKeyOf(Job job) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                .singleResult().getBusinessKey();
    }
}
