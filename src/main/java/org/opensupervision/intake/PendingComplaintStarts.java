package org.opensupervision.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.complaint.ComplaintRecords.PendingStart;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.handling.FirstFeedbackDeadlinePolicy;
import org.opensupervision.privacy.ComplainantContacts;
import org.opensupervision.web.DatabaseFailures;
import org.opensupervision.workflow.ComplaintProcess;
import org.opensupervision.workflow.ComplaintProcess.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the processes of registered complaints, many in one transaction (issue 17). The intake only stores the
 * complaint and answers; right after its commit it {@linkplain #signal() signals} this starter, whose threads take up
 * to {@code supervision.intake.start-batch-size} complaints without a process ({@code for update skip locked}, so
 * several threads and nodes share the work) and start each one's instance after its start event: the routing (DMN,
 * tasks, timers, grants) runs in the same transaction, and one commit routes the whole batch. A sweep
 * ({@link IntakeConfiguration.Sweep}) picks up what a crash or a restart left.
 * <p>
 * A batch that fails is rolled back and its complaints started one by one; a complaint that fails alone too is started
 * the ordinary way, at its start event, whose async-after leaves the routing to a job: the engine retries it and a
 * lasting failure is an incident in Cockpit, never a silently stuck row.
 */
@Service
public class PendingComplaintStarts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PendingComplaintStarts.class);
    static final int SUMMARY_LENGTH = 2000;

    private final ComplaintRecords records;
    private final ComplainantContacts contacts;
    private final DepartmentDirectory departments;
    private final FirstFeedbackDeadlinePolicy firstFeedback;
    private final DeadlineDisplay display;
    private final RuntimeService runtime;
    private final CommandExecutor commands;
    private final TransactionTemplate transaction;
    private final PendingStartProperties properties;
    private final ThreadPoolTaskExecutor executor;
    private final AtomicInteger drains = new AtomicInteger();
    private final AtomicBoolean requested = new AtomicBoolean();

    PendingComplaintStarts(ComplaintRecords records, ComplainantContacts contacts, DepartmentDirectory departments,
                           FirstFeedbackDeadlinePolicy firstFeedback, DeadlineDisplay display, RuntimeService runtime,
                           PlatformTransactionManager transactionManager, PendingStartProperties properties) {
        this.records = records;
        this.contacts = contacts;
        this.departments = departments;
        this.firstFeedback = firstFeedback;
        this.display = display;
        this.runtime = runtime;
        // The engine's own executor (transaction required): a service call inside its command joins that command.
        this.commands = ((ServiceImpl) runtime).getCommandExecutor();
        // Signalled from a committing transaction's afterCommit, where its resources are still bound: a new one.
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.executor = properties.startThreads() > 0 ? executor(properties.startThreads()) : null;
    }

    private static ThreadPoolTaskExecutor executor(int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("complaint-start-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        return executor;
    }

    /**
     * Starts the processes of every complaint that has none, batch after batch, in the calling thread, until none is
     * left or a batch moved nothing (the database away: the sweep tries again).
     *
     * @return how many processes this call started (routed, or left to their routing job)
     */
    public int startPending() {
        int started = 0;
        while (true) {
            Outcome batch = startBatch();
            started += batch.started();
            if (batch.taken() == 0 || batch.failed() == batch.taken()) {
                return started;
            }
        }
    }

    /**
     * Something may be pending (an intake committed, or the sweep's turn): starts a drain on the starter's threads
     * unless all of them are draining already, in which case a running drain looks again before it stops.
     */
    void signal() {
        requested.set(true);
        if (executor == null) {
            drainHere();
            return;
        }
        for (int running = drains.get(); running < properties.startThreads(); running = drains.get()) {
            if (drains.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::drain);
                } catch (TaskRejectedException shuttingDown) {
                    // Called after a commit: the complaint is stored, its answer must not fail; the sweep starts it.
                    drains.decrementAndGet();
                    log.info("The starter is shutting down; pending complaints wait for the next sweep");
                }
                return;
            }
        }
    }

    private void drain() {
        try {
            drainHere();
        } finally {
            drains.decrementAndGet();
        }
        // A signal that came after the last look but found every thread busy must not wait for the sweep.
        if (requested.get()) {
            signal();
        }
    }

    private void drainHere() {
        try {
            while (requested.getAndSet(false)) {
                startPending();
            }
        } catch (RuntimeException ex) {
            log.error("Starting the processes of pending complaints failed; the sweep tries again", ex);
        }
    }

    private Outcome startBatch() {
        List<PendingStart> taken = new ArrayList<>();
        try {
            transaction.executeWithoutResult(tx -> {
                taken.addAll(records.lockPendingStarts(properties.startBatchSize()));
                inOneEngineCommand(() -> taken.forEach(this::startRouted));
            });
            if (!taken.isEmpty()) {
                log.debug("Started and routed {} complaints in one transaction", taken.size());
            }
            return new Outcome(taken.size(), taken.size(), 0);
        } catch (RuntimeException ex) {
            if (DatabaseFailures.isUnreachable(ex)) {
                // One by one would wait for a connection per complaint: the sweep tries again when it is back.
                log.warn("The database is unreachable; pending complaints wait for the next sweep", ex);
                return new Outcome(taken.size(), 0, taken.size());
            }
            if (taken.isEmpty()) {
                throw ex;
            }
            log.warn("Starting a batch of {} complaints failed and was rolled back; starting them one by one",
                    taken.size(), ex);
            int started = 0;
            int failed = 0;
            for (PendingStart complaint : taken) {
                Alone outcome = startAlone(complaint);
                if (outcome == Alone.STARTED) {
                    started++;
                } else if (outcome == Alone.FAILED) {
                    failed++;
                } else if (outcome == Alone.DATABASE_UNREACHABLE) {
                    return new Outcome(taken.size(), started, taken.size() - started);
                }
            }
            return new Outcome(taken.size(), started, failed);
        }
    }

    /**
     * Runs the batch's starts as one engine command (issue 17): each start joins it instead of being a command of its
     * own, so the engine reads the definitions a start needs (process, job definitions) once per batch from its entity
     * cache, and writes the whole batch's rows at the command's end, each table's as one JDBC batch, instead of a
     * flush per complaint. A failing start fails the command, and the transaction rolls back as before.
     */
    private void inOneEngineCommand(Runnable starts) {
        commands.execute(commandContext -> {
            starts.run();
            return null;
        });
    }

    /** One complaint in a transaction of its own, routed; if even that fails, the ordinary way. */
    private Alone startAlone(PendingStart complaint) {
        String trackingNumber = complaint.facts().trackingNumber();
        try {
            return startLocked(complaint.complaintId(), this::startRouted);
        } catch (RuntimeException routingFailed) {
            if (DatabaseFailures.isUnreachable(routingFailed)) {
                log.warn("The database is unreachable; complaint {} waits for the next sweep", trackingNumber);
                return Alone.DATABASE_UNREACHABLE;
            }
            log.warn("Complaint {} could not be started and routed in one transaction; starting it at its start "
                    + "event, its routing left to a job (retried, then an incident)", trackingNumber, routingFailed);
        }
        try {
            return startLocked(complaint.complaintId(), this::startAtStartEvent);
        } catch (RuntimeException startFailed) {
            if (DatabaseFailures.isUnreachable(startFailed)) {
                log.warn("The database is unreachable; complaint {} waits for the next sweep", trackingNumber);
                return Alone.DATABASE_UNREACHABLE;
            }
            log.error("The process of complaint {} could not be started; the sweep tries again", trackingNumber,
                    startFailed);
            return Alone.FAILED;
        }
    }

    private Alone startLocked(long complaintId, Consumer<PendingStart> start) {
        Optional<PendingStart> locked = transaction.execute(tx -> {
            Optional<PendingStart> complaint = records.lockPendingStart(complaintId);
            complaint.ifPresent(start);
            return complaint;
        });
        return locked != null && locked.isPresent() ? Alone.STARTED : Alone.TAKEN_ELSEWHERE;
    }

    /**
     * After the start event: no async-after job, the routing runs now, in the caller's transaction. The model keeps its
     * save point for {@link #startAtStartEvent}.
     */
    private void startRouted(PendingStart complaint) {
        start(complaint, vars -> runtime.createProcessInstanceByKey(ComplaintProcess.KEY)
                .businessKey(complaint.facts().trackingNumber()).setVariables(vars)
                .startAfterActivity(ComplaintProcess.START_EVENT).execute());
    }

    private void startAtStartEvent(PendingStart complaint) {
        start(complaint, vars -> runtime.startProcessInstanceByKey(ComplaintProcess.KEY,
                complaint.facts().trackingNumber(), vars));
    }

    private void start(PendingStart complaint, Function<Map<String, Object>, ProcessInstance> how) {
        String trackingNumber = complaint.facts().trackingNumber();
        MDC.put("trackingNumber", trackingNumber);
        try {
            ProcessInstance instance = how.apply(startVariables(complaint));
            records.attachProcessInstance(trackingNumber, instance.getId());
        } finally {
            MDC.remove("trackingNumber");
        }
    }

    /**
     * The intake's start variables, from the stored complaint: the contact data never become variables, only whether
     * mail can reach the citizen.
     */
    private Map<String, Object> startVariables(PendingStart pending) {
        ComplaintFacts c = pending.facts();
        Department department = departments.get(c.departmentCode());
        String description = c.description();
        String summary = description.length() <= SUMMARY_LENGTH ? description
                : description.substring(0, SUMMARY_LENGTH - 1) + "…";
        Instant submittedAt = c.submittedAt();
        Instant dueAt = c.firstFeedbackDueAt();
        VariableMap variables = Variables.createVariables()
                .putValue(Var.COMPLAINT_ID, pending.complaintId())
                .putValue(Var.TRACKING_NUMBER, c.trackingNumber())
                .putValue(Var.DEPARTMENT_CODE, department.code())
                // Shown in the Chinese task forms and Tasklist's cards (issue 16): the Chinese names.
                .putValue(Var.DEPARTMENT_NAME, department.nameZh())
                .putValue(Var.CATEGORY, c.category().name())
                .putValue(Var.CATEGORY_LABEL, c.category().label(Locale.SIMPLIFIED_CHINESE))
                .putValue(Var.TITLE, c.title())
                .putValue(Var.COMPLAINT_SUMMARY, summary)
                .putValue(Var.ANONYMOUS, c.anonymous())
                .putValue(Var.CITIZEN_HAS_EMAIL, contacts.mailAddressOf(c.trackingNumber()).isPresent())
                .putValue(Var.SUBMITTED_AT, Date.from(submittedAt))
                .putValue(Var.FIRST_FEEDBACK_DUE_AT, Date.from(dueAt))
                .putValue(Var.FIRST_FEEDBACK_REMINDER_AT, Date.from(firstFeedback.reminderAt(submittedAt)))
                .putValue(Var.FIRST_FEEDBACK_DUE_DISPLAY, display.format(dueAt));
        // What the citizen left out is no variable (a row each otherwise): the forms show an absent variable as they
        // showed a null one, and no expression of the models reads these two.
        if (c.approvalCaseNumber() != null) {
            variables.putValue(Var.APPROVAL_CASE_NUMBER, c.approvalCaseNumber());
        }
        if (c.incidentDate() != null) {
            variables.putValue(Var.INCIDENT_DATE, c.incidentDate().toString());
        }
        return variables;
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdown();
        }
    }

    private record Outcome(int taken, int started, int failed) {
    }

    private enum Alone { STARTED, TAKEN_ELSEWHERE, FAILED, DATABASE_UNREACHABLE }
}
