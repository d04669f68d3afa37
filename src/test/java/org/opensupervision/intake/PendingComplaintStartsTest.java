package org.opensupervision.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.RoutingFailures;
import org.opensupervision.audit.AuditTrail;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintRegistration;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.FirstFeedbackDeadlinePolicy;
import org.opensupervision.privacy.ComplainantContacts;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deferred, batched start (issue 17): complaints registered by the intake get their processes from
 * {@link PendingComplaintStarts}, many started and routed in one transaction, none twice, a failing one as an
 * incident, and one left behind by a crash by the sweep. Pending complaints are made here as a crash leaves them: the
 * row committed, nothing started (no intake commit signals the starter).
 */
class PendingComplaintStartsTest extends IntegrationTest {

    @Autowired
    PendingComplaintStarts starts;
    @Autowired
    ComplaintRecords records;
    @Autowired
    TrackingNumbers trackingNumbers;
    @Autowired
    FirstFeedbackDeadlinePolicy firstFeedback;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ComplainantContacts contacts;
    @Autowired
    DepartmentDirectory departments;
    @Autowired
    DeadlineDisplay display;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    AuditTrail trail;

    @BeforeEach
    void nothingElseIsPending() {
        starts.startPending();
    }

    @Test
    void oneTransactionStartsAndRoutesAWholeBatch() {
        List<String> pending = registeredWithoutProcess(7, "一批启动");
        AtomicInteger commits = new AtomicInteger();
        TransactionExecutionListener counter = new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
                commits.incrementAndGet();
            }
        };
        AbstractPlatformTransactionManager manager = (AbstractPlatformTransactionManager) transactionManager;
        manager.addListener(counter);
        try {
            assertThat(starts.startPending()).isEqualTo(7);
        } finally {
            manager.getTransactionExecutionListeners().remove(counter);
        }

        // The batch, then the look that found nothing more.
        assertThat(commits).hasValue(2);
        for (String trackingNumber : pending) {
            ComplaintFacts complaint = records.find(trackingNumber).orElseThrow();
            assertThat(complaint.processInstanceId()).isNotNull();
            assertThat(complaint.routedAt()).as("routed in the starter's transaction").isNotNull();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list())
                    .singleElement().satisfies(p -> assertThat(p.getId()).isEqualTo(complaint.processInstanceId()));
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber).list())
                    .extracting(t -> t.getTaskDefinitionKey())
                    .containsExactlyInAnyOrder("Task_Triage", "Task_FirstFeedback");
            assertThat(management.createJobQuery().processInstanceId(complaint.processInstanceId()).timers().count())
                    .as("the deadlines' timers").isPositive();
            assertThat(management.createJobQuery().processInstanceId(complaint.processInstanceId()).messages()
                    .count()).as("no job for the start event's async-after").isZero();
            assertThat(caseGrants(complaint.processInstanceId())).as("granted once, without a look-up first")
                    .containsExactly(departments.get(complaint.handlingDepartmentCode()).handlingGroup());
            assertThat(runtime.getVariables(complaint.processInstanceId())).as("the routing result is transient")
                    .doesNotContainKey(ComplaintProcess.Var.ROUTING).containsKey(ComplaintProcess.Var.ROUTING_RULE);
            assertThat(trail.entriesOf(trackingNumber)).as("the audit trail, all cases' entries in one batch")
                    .isNotEmpty();
            assertThat(trail.verify(trackingNumber).intact()).isTrue();
        }
    }

    @Test
    void theStartVariablesAreTheIntakesFromTheStoredComplaint() {
        String trackingNumber = registeredWithoutProcess(1, "变量").get(0);
        starts.startPending();

        ComplaintFacts complaint = records.find(trackingNumber).orElseThrow();
        var variables = runtime.getVariables(complaint.processInstanceId());
        assertThat(variables).containsEntry(ComplaintProcess.Var.TRACKING_NUMBER, trackingNumber)
                .containsEntry(ComplaintProcess.Var.DEPARTMENT_CODE, "GD-AMR")
                .containsEntry(ComplaintProcess.Var.DEPARTMENT_NAME, departments.get("GD-AMR").nameZh())
                .containsEntry(ComplaintProcess.Var.CATEGORY, "SLOW_ACTION")
                .containsEntry(ComplaintProcess.Var.COMPLAINT_SUMMARY, complaint.description())
                .containsEntry(ComplaintProcess.Var.INCIDENT_DATE, "2026-02-02")
                .containsEntry(ComplaintProcess.Var.ANONYMOUS, false)
                .containsEntry(ComplaintProcess.Var.CITIZEN_HAS_EMAIL, true)
                .containsEntry(ComplaintProcess.Var.SUBMITTED_AT, java.util.Date.from(complaint.submittedAt()))
                .containsEntry(ComplaintProcess.Var.FIRST_FEEDBACK_DUE_AT,
                        java.util.Date.from(complaint.firstFeedbackDueAt()))
                .containsEntry(ComplaintProcess.Var.FIRST_FEEDBACK_DUE_DISPLAY,
                        display.format(complaint.firstFeedbackDueAt()))
                .doesNotContainKeys("contactName", "contactPhone", "contactEmail");
    }

    @Test
    void aComplaintWhoseRoutingFailsHoldsUpNoOtherAndEndsAsAnIncident() {
        String failingTitle = "路由失败-" + System.nanoTime();
        List<String> before = registeredWithoutProcess(2, "失败之前");
        String failing = register(failingTitle);
        List<String> after = registeredWithoutProcess(2, "失败之后");
        RoutingFailures.failRoutingOf(failingTitle);
        try {
            assertThat(starts.startPending()).isEqualTo(5);

            for (String trackingNumber : concat(before, after)) {
                assertThat(records.find(trackingNumber).orElseThrow().routedAt()).as(trackingNumber).isNotNull();
            }
            ComplaintFacts stuck = records.find(failing).orElseThrow();
            assertThat(stuck.processInstanceId()).as("started the ordinary way").isNotNull();
            assertThat(stuck.routedAt()).isNull();
            Job routing = management.createJobQuery().processInstanceId(stuck.processInstanceId()).messages()
                    .singleResult();
            assertThat(routing.getRetries()).isEqualTo(3);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> management.executeJob(routing.getId())).hasMessageContaining("Routing fails");
            }
            assertThat(runtime.createIncidentQuery().processInstanceId(stuck.processInstanceId()).count())
                    .as("an incident in Cockpit").isEqualTo(1);

            // What an administrator does in Cockpit once the cause is fixed: retry.
            RoutingFailures.letRoutingOf(failingTitle);
            management.setJobRetries(routing.getId(), 1);
            management.executeJob(routing.getId());
            assertThat(records.find(failing).orElseThrow().routedAt()).isNotNull();
            assertThat(caseGrants(stuck.processInstanceId())).as("routed by a job: looked up, then granted once")
                    .containsExactly(departments.get(records.find(failing).orElseThrow().handlingDepartmentCode())
                            .handlingGroup());
            assertThat(runtime.createIncidentQuery().processInstanceId(stuck.processInstanceId()).count()).isZero();
        } finally {
            RoutingFailures.letRoutingOf(failingTitle);
        }
    }

    @Test
    void theSweepStartsAComplaintACrashLeftWithoutProcess() {
        String trackingNumber = registeredWithoutProcess(1, "崩溃之后").get(0);
        assertThat(records.find(trackingNumber).orElseThrow().processInstanceId()).isNull();

        new IntakeConfiguration.Sweep(starts).sweep();

        ComplaintFacts complaint = records.find(trackingNumber).orElseThrow();
        assertThat(complaint.processInstanceId()).isNotNull();
        assertThat(complaint.routedAt()).isNotNull();
    }

    @Test
    void aComplaintThatIsNoLongerSubmittedIsNeverGivenAProcess() {
        // Rows without a process that are not waiting for one: imported history, or (the benchmark's) generated data.
        String closed = registeredWithoutProcess(1, "已办结的旧件").get(0);
        jdbc.update("update complaint set status = 'CLOSED' where tracking_number = ?", closed);
        String pending = registeredWithoutProcess(1, "待启动").get(0);

        assertThat(starts.startPending()).isEqualTo(1);

        assertThat(records.find(closed).orElseThrow().processInstanceId()).isNull();
        assertThat(records.find(pending).orElseThrow().processInstanceId()).isNotNull();
    }

    @Test
    void twoStartersAtOnceNeverStartAComplaintTwice() throws Exception {
        List<String> pending = registeredWithoutProcess(30, "并发");
        // Two nodes, each with small batches, so that they take turns over the same rows.
        PendingStartProperties small = new PendingStartProperties(4, 0, Duration.ofSeconds(5));
        List<PendingComplaintStarts> nodes = List.of(node(small), node(small));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> started = new ArrayList<>();
            for (PendingComplaintStarts node : nodes) {
                started.add(threads.submit(() -> {
                    go.await();
                    return node.startPending();
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> f : started) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(30);
        } finally {
            threads.shutdownNow();
        }
        for (String trackingNumber : pending) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).count())
                    .as(trackingNumber).isEqualTo(1);
            assertThat(records.find(trackingNumber).orElseThrow().routedAt()).as(trackingNumber).isNotNull();
        }
    }

    private List<String> caseGrants(String processInstanceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).list().stream()
                .map(Authorization::getGroupId).toList();
    }

    private PendingComplaintStarts node(PendingStartProperties properties) {
        return new PendingComplaintStarts(records, contacts, departments, firstFeedback, display, runtime,
                transactionManager, properties);
    }

    /** Complaints stored as the intake stores them, committed, their processes not started (a crash after the 201). */
    private List<String> registeredWithoutProcess(int count, String title) {
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            trackingNumbers.add(register(title + " " + i));
        }
        return trackingNumbers;
    }

    private String register(String title) {
        String trackingNumber = trackingNumbers.next();
        Instant submittedAt = Instant.now();
        ComplaintRegistration registration = new ComplaintRegistration("GD-AMR", ComplaintCategory.SLOW_ACTION,
                title, "营业执照变更申请提交后无人处理。", null, java.time.LocalDate.parse("2026-02-02"), false, "张三",
                "13800138000", "zhangsan@example.com", null, null);
        transaction.executeWithoutResult(tx -> {
            records.register(registration, trackingNumber, submittedAt, firstFeedback.dueAt(submittedAt), null);
        });
        return trackingNumber;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
