package org.opensupervision.rules;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Runs the due jobs of every process instance of one case (the complaint, its rule checks, its disciplinary case),
 * the way the job executor would, until none is due.
 */
@Component
public class ProcessJobs {

    private final RuntimeService runtime;
    private final ManagementService management;

    ProcessJobs(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    /** The running instances of a process for the case. */
    public List<ProcessInstance> instances(String processKey, String trackingNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(trackingNumber).list();
    }

    /** Runs every due job of the case's instances, of whatever process, until none is left. */
    public void runDueJobs(String trackingNumber) {
        for (int round = 0; round < 100; round++) {
            List<String> instanceIds = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
                    .list().stream().map(ProcessInstance::getId).toList();
            if (instanceIds.isEmpty()) {
                return;
            }
            List<Job> due = management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instanceIds))
                    .executable().list().stream()
                    .sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("Jobs of " + trackingNumber + " keep coming: a loop in a model?");
    }
}
