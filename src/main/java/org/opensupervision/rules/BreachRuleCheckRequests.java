package org.opensupervision.rules;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A deadline breach's rule check, started by a job of its own rather than inside the breach's job. When thousands of
 * deadlines pass at once (figure 2 of docs/benchmarks.md), starting each check's process (an execution, its variables,
 * its job, their history and audit entries, a look-up of the latest definition) was a large part of every breach job;
 * now the breach job writes one job row, and the start runs at the rule checks' own priority
 * ({@value #PRIORITY}, below the deadline timers' 0), after the deadlines. The request job is written in the breach's
 * transaction and deleted in the start's, so every recorded breach gets its rule check exactly once; a start that
 * fails is retried by the engine and ends as an incident, like any job.
 */
@Component
class BreachRuleCheckRequests extends AbstractProcessEnginePlugin
        implements JobHandler<BreachRuleCheckRequests.Request> {

    static final String TYPE = "supervision-rule-check-request";
    /** The rule check's own priority ({@code jobPriority} of its start event). */
    static final int PRIORITY = -10;

    private final ObjectProvider<SupervisionRules> rules;
    private ProcessEngineConfigurationImpl engine;

    BreachRuleCheckRequests(ObjectProvider<SupervisionRules> rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomJobHandlers());
        handlers.add(this);
        configuration.setCustomJobHandlers(handlers);
        this.engine = configuration;
    }

    /** Writes the job that will start the case's rule check, in the caller's transaction. */
    void request(String trackingNumber, String departmentCode, String category, RuleTrigger trigger) {
        Request request = new Request(trigger, departmentCode, category, trackingNumber);
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
            MessageEntity job = new MessageEntity();
            job.setJobHandlerType(TYPE);
            job.setJobHandlerConfiguration(request);
            job.setPriority(PRIORITY);
            job.setDuedate(ClockUtil.getCurrentTime());
            // Shown with the case's instance (Cockpit, incidents, the tests' job drivers), but not exclusive: it
            // neither waits for the case's own jobs nor holds them up.
            job.setExclusive(false);
            BpmnExecutionContext step = Context.getBpmnExecutionContext();
            if (step != null && trackingNumber.equals(step.getExecution().getProcessBusinessKey())) {
                job.setProcessInstanceId(step.getExecution().getProcessInstanceId());
            }
            commandContext.getJobManager().send(job);
            return null;
        });
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Request request, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
        rules.getObject().requestCheck(request.trackingNumber(), request.departmentCode(), request.category(),
                request.trigger());
    }

    @Override
    public Request newConfiguration(String canonicalString) {
        return Request.parse(canonicalString);
    }

    @Override
    public void onDelete(Request request, JobEntity job) {
        // Nothing kept beside the job.
    }

    /** What the rule check needs, as the job's configuration: trigger, department, category, then the case key. */
    record Request(RuleTrigger trigger, String departmentCode, String category, String trackingNumber)
            implements JobHandlerConfiguration {

        private static final char SEPARATOR = '\n';

        @Override
        public String toCanonicalString() {
            return trigger.name() + SEPARATOR + departmentCode + SEPARATOR + category + SEPARATOR + trackingNumber;
        }

        static Request parse(String canonical) {
            String[] parts = canonical.split(String.valueOf(SEPARATOR), 4);
            return new Request(RuleTrigger.valueOf(parts[0]), parts[1], parts[2], parts[3]);
        }
    }
}
