package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An engine command that loses a race on a row's version runs again when it is a person's call (no transaction of
 * the caller's around it), and is left to the caller inside the caller's transaction. The race is made for real: a
 * second connection updates the row between the command's read and its flush, as the job executor's acquisition does
 * to a timer that a task's completion deletes.
 */
class ConcurrentUpdateRetryTest extends IntegrationTest {

    @Autowired
    TaskService tasks;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;

    private final String taskId = "concurrent-update-retry-" + UUID.randomUUID();
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicBoolean raceAhead = new AtomicBoolean(true);

    @BeforeEach
    void aStoredTask() {
        tasks.saveTask(tasks.newTask(taskId));
    }

    @AfterEach
    void removeTheTask() {
        tasks.deleteTask(taskId, true);
    }

    @Test
    void aCallThatLostTheRaceRunsAgainAndSucceeds() {
        ((ServiceImpl) tasks).getCommandExecutor().execute(describeAfterARace("second look"));

        assertThat(runs).as("runs of the command: the lost one and the one after it").hasValue(2);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getDescription()).isEqualTo("second look");
    }

    @Test
    void insideTheCallersTransactionTheLossIsTheCallers() {
        Throwable failure = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(
                status -> ((ServiceImpl) tasks).getCommandExecutor().execute(describeAfterARace("never stored"))));

        assertThat(failure).isInstanceOf(OptimisticLockingException.class);
        assertThat(runs).hasValue(1);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getDescription()).isNull();
    }

    /** Reads the task, lets another connection update it (the first time only), then changes it. */
    private Command<Void> describeAfterARace(String description) {
        return commandContext -> {
            runs.incrementAndGet();
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            if (raceAhead.getAndSet(false)) {
                // Another thread: a connection and a transaction of its own, committed before this command flushes.
                CompletableFuture.runAsync(() -> new JdbcTemplate(dataSource)
                        .update("update ACT_RU_TASK set REV_ = REV_ + 1 where ID_ = ?", taskId)).join();
            }
            task.setDescription(description);
            return null;
        };
    }
}
