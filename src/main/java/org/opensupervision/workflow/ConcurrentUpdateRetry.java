package org.opensupervision.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockJobCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's engine command that lost a race with the job executor runs again instead of answering 500. The classic
 * case: a handler completes a task at the moment the executor has locked one of its boundary timers (acquisition
 * writes the job's lock and so its version); completing the task deletes the timer, and the delete fails on the
 * version ("ENGINE-03005 … updated by another transaction concurrently"). The command rolled back whole, so running it
 * again is what the person would do by pressing the button again; the second run reads the job as it is now.
 * <p>
 * Only the outermost command of a thread that holds no transaction of its own is retried (a REST or service call):
 * inside a caller's transaction the caller decides, and the job executor handles its own conflicts (a job that lost
 * is unlocked and runs again later). Up to {@code supervision.engine.concurrent-update-attempts} runs (default 3),
 * a few milliseconds apart; the last failure is thrown as it was. Issue 17 (the cluster test, docs/reliability.md).
 */
@Component
class ConcurrentUpdateRetry extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);

    private final int attempts;

    ConcurrentUpdateRetry(@Value("${supervision.engine.concurrent-update-attempts:3}") int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        // First of the custom ones: before the transaction interceptor, so that each run has a transaction of its own.
        interceptors.add(new Retrying(attempts));
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class Retrying extends CommandInterceptor {

        private static final String JOB_EXECUTOR_PACKAGE = "org.camunda.bpm.engine.impl.jobexecutor.";

        private final int attempts;

        Retrying(int attempts) {
            this.attempts = attempts;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (!retriable(command)) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (OptimisticLockingException lost) {
                    if (attempt >= attempts) {
                        log.warn("{} lost to a concurrent update {} times; giving up: {}",
                                command.getClass().getSimpleName(), attempt, lost.getMessage());
                        throw lost;
                    }
                    log.info("{} lost to a concurrent update (attempt {} of {}), running it again: {}",
                            command.getClass().getSimpleName(), attempt, attempts, lost.getMessage());
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(5_000_000L, 25_000_000L) * attempt);
                }
            }
        }

        /**
         * The outermost command of a thread without a transaction, and none of the job executor's (its acquisition,
         * a job's run, also one run by hand through the management service, and what it does after a failure).
         */
        private static boolean retriable(Command<?> command) {
            return Context.getCommandContext() == null
                    && Context.getJobExecutorContext() == null
                    && !TransactionSynchronizationManager.isActualTransactionActive()
                    && !(command instanceof ExecuteJobsCmd || command instanceof AcquireJobsCmd
                    || command instanceof UnlockJobCmd
                    || command.getClass().getName().startsWith(JOB_EXECUTOR_PACKAGE));
        }
    }
}
