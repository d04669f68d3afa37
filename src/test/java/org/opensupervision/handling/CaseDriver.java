package org.opensupervision.handling;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opensupervision.RoutingFailures;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.intake.ComplaintIntake;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.intake.PendingComplaintStarts;
import org.opensupervision.workflow.ComplaintProcess;
import org.springframework.stereotype.Component;

/**
 * Drives complaint cases in tests the way the outside world would: files a complaint through intake, completes
 * tasks through the task service (so task listeners run), moves the engine clock and runs the jobs that are due.
 */
@Component
public class CaseDriver {

    private final ComplaintIntake intake;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ComplaintRecords records;
    private final IdentityService identity;
    private final PendingComplaintStarts starts;

    CaseDriver(ComplaintIntake intake, RuntimeService runtime, TaskService tasks, ManagementService management,
               ComplaintRecords records, IdentityService identity, PendingComplaintStarts starts) {
        this.starts = starts;
        this.records = records;
        this.identity = identity;
        this.intake = intake;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** A valid named complaint with an e-mail address. */
    public static ComplaintSubmission submission(String departmentCode, String category, String email) {
        ComplaintSubmission s = new ComplaintSubmission();
        s.setDepartmentCode(departmentCode);
        s.setCategory(category);
        s.setTitle("营业执照变更逾期未办");
        s.setDescription("2026年2月提交的营业执照变更申请，至今未有任何答复，电话也无人接听。");
        s.setApprovalCaseNumber("44000020260201001");
        s.setIncidentDate("2026-02-02");
        s.getContact().setName("张三");
        s.getContact().setPhone("13800138000");
        s.getContact().setEmail(email);
        return s;
    }

    /**
     * Files a complaint and returns its tracking number, its process started and routed (the test profile starts it
     * right after the intake's commit; the explicit call makes sure of it whatever the profile).
     */
    public String file(ComplaintSubmission submission) {
        String trackingNumber = intake.submit(submission, null).trackingNumber();
        starts.startPending();
        return trackingNumber;
    }

    /**
     * Files a complaint whose process the starter cannot route, so that it waits at its start event's save point with
     * a routing job (the starter's last resort): for tests that need a case's step as a job.
     */
    public String fileWithRoutingJob(ComplaintSubmission submission) {
        RoutingFailures.failRoutingOf(submission.getTitle());
        try {
            return file(submission);
        } finally {
            RoutingFailures.letRoutingOf(submission.getTitle());
        }
    }

    /** Files a complaint and runs the jobs its routing left due. */
    public String fileAndRoute(String departmentCode, String category, String email) {
        String trackingNumber = file(submission(departmentCode, category, email));
        runDueJobs(trackingNumber);
        return trackingNumber;
    }

    /** The id of the case's process instance, running or ended. */
    public String processInstanceId(String trackingNumber) {
        return records.find(trackingNumber).orElseThrow().processInstanceId();
    }

    public ProcessInstance instance(String trackingNumber) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(ComplaintProcess.KEY)
                .processInstanceBusinessKey(trackingNumber)
                .singleResult();
        if (instance == null) {
            throw new AssertionError("No running process instance for " + trackingNumber);
        }
        return instance;
    }

    public Task task(String trackingNumber, String taskDefinitionKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(trackingNumber)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        if (task == null) {
            throw new AssertionError("No open task " + taskDefinitionKey + " for " + trackingNumber);
        }
        return task;
    }

    /** Completes the open task with the variables a form would submit, then runs the jobs that became due. */
    public void complete(String trackingNumber, String taskDefinitionKey, Map<String, Object> variables) {
        tasks.complete(task(trackingNumber, taskDefinitionKey).getId(), variables);
        runDueJobs(trackingNumber);
    }

    /**
     * Completes a task as a logged-in user does in Tasklist: the engine knows the user and their groups, so its
     * authorization checks apply and the history (and audit trail) records who it was. The task is looked up first,
     * as the office that drives the test, since a department user may not query everything.
     */
    public void completeAs(String user, String taskId, Map<String, Object> variables) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** {@link #completeAs(String, String, Map)} for the open task of a case, then the jobs that became due. */
    public void completeAs(String user, String trackingNumber, String taskDefinitionKey,
                           Map<String, Object> variables) {
        completeAs(user, task(trackingNumber, taskDefinitionKey).getId(), variables);
        runDueJobs(trackingNumber);
    }

    /** Moves the engine clock (and with it the application's clock) and runs the jobs due by then. */
    public void advance(String trackingNumber, Duration duration) {
        moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(duration));
        runDueJobs(trackingNumber);
    }

    public void advanceTo(String trackingNumber, Instant instant) {
        moveClockTo(instant);
        runDueJobs(trackingNumber);
    }

    public static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Runs the due jobs of the case until none is left; a failing job fails the test. */
    public void runDueJobs(String trackingNumber) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = dueJobs(trackingNumber);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Jobs of " + trackingNumber + " keep coming: a loop in the model?");
    }

    public List<Job> dueJobs(String trackingNumber) {
        return management.createJobQuery().processInstanceId(processInstanceId(trackingNumber)).executable().list().stream()
                .sorted(CaseDriver::compareDue).toList();
    }

    public List<Job> timers(String trackingNumber) {
        return management.createJobQuery().processInstanceId(processInstanceId(trackingNumber)).timers().list();
    }

    private static int compareDue(Job a, Job b) {
        Date da = a.getDuedate();
        Date db = b.getDuedate();
        if (da == null || db == null) {
            return da == null ? (db == null ? 0 : -1) : 1;
        }
        return da.compareTo(db);
    }
}
