package org.opensupervision.spotcheck.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.opensupervision.calendar.DeadlineDisplay;
import org.opensupervision.spotcheck.SampledCase;
import org.opensupervision.spotcheck.SpotCheckRound;
import org.opensupervision.spotcheck.SpotChecks;
import org.opensupervision.workflow.SupervisionProcesses.SpotCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of {@code spot-check.bpmn}, each a bean named in the model; each reads, calls, writes. */
@Configuration(proxyBeanMethods = false)
class SpotCheckSteps {

    /** Draws the round's sample and records the seed. */
    @Bean
    JavaDelegate drawSpotCheckSample(SpotChecks spotChecks, DeadlineDisplay display) {
        return execution -> {
            SpotCheckRound round = spotChecks.drawRound(execution.getProcessInstanceId());
            execution.setVariable(SpotCheck.ROUND_ID, round.getId());
            execution.setVariable(SpotCheck.SAMPLE_COUNT, round.getSampleCount());
            execution.setVariable(SpotCheck.SEED, round.getSeed());
            execution.setVariable("periodStart", Date.from(round.getPeriodStart()));
            execution.setVariable("periodEnd", Date.from(round.getPeriodEnd()));
            execution.setVariable("periodDisplay", display.format(round.getPeriodStart()) + " – "
                    + display.format(round.getPeriodEnd()));
        };
    }

    /**
     * Gives each parallel check its own variables (local to its instance of the sub-process), so that the form
     * fields of one check never overwrite another's.
     */
    @Bean
    JavaDelegate prepareSpotCheck(SpotChecks spotChecks) {
        return execution -> {
            SampledCase sampled = spotChecks.sampledCase(sampleId(execution));
            execution.setVariableLocal("sampledTrackingNumber", sampled.trackingNumber());
            execution.setVariableLocal("sampledDepartmentName", sampled.departmentName());
            execution.setVariableLocal("sampledTitle", sampled.title());
            execution.setVariableLocal("sampledCategoryLabel", sampled.categoryLabel());
            execution.setVariableLocal("sampledClosedAt", sampled.closedAt());
            execution.setVariableLocal("sampledReply", sampled.reply());
            execution.setVariableLocal("rectificationGroup", sampled.rectificationGroup());
            execution.setVariableLocal("rectificationAddress", sampled.rectificationAddress());
            for (String field : new String[] {"contactMethod", "recordMatches", "findings", "evidenceReference",
                    "spotCheckInspector", SpotCheck.DISCREPANCY, "rectificationText"}) {
                execution.setVariableLocal(field, null);
            }
        };
    }

    /** Records the inspector's check; a mismatch takes the discrepancy path. */
    @Bean
    JavaDelegate recordSpotCheckResult(SpotChecks spotChecks) {
        return execution -> {
            boolean matches = Boolean.TRUE.equals(execution.getVariable("recordMatches"));
            spotChecks.recordCheck(sampleId(execution), (String) execution.getVariable("contactMethod"), matches,
                    (String) execution.getVariable("findings"), (String) execution.getVariable("evidenceReference"),
                    (String) execution.getVariable("spotCheckInspector"));
            execution.setVariable(SpotCheck.DISCREPANCY, !matches);
        };
    }

    /** Feeds the discrepancy to the supervision rules. */
    @Bean
    JavaDelegate reportSpotCheckDiscrepancy(SpotChecks spotChecks) {
        return execution -> spotChecks.reportDiscrepancy(sampleId(execution));
    }

    /** Records what the department did about the discrepancy. */
    @Bean
    JavaDelegate recordSpotCheckRectification(SpotChecks spotChecks) {
        return execution -> {
            Authentication user = execution.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            spotChecks.recordRectification(sampleId(execution), (String) execution.getVariable("rectificationText"),
                    user != null ? user.getUserId() : null);
        };
    }

    /** The rectification passed its deadline: left open on the round, fed to the rules. */
    @Bean
    JavaDelegate escalateSpotCheckRectification(SpotChecks spotChecks) {
        return execution -> spotChecks.escalateRectification(sampleId(execution));
    }

    /** Closes the round once every check is done. */
    @Bean
    JavaDelegate completeSpotCheckRound(SpotChecks spotChecks) {
        return execution -> spotChecks.completeRound(((Number) execution.getVariable(SpotCheck.ROUND_ID)).longValue());
    }

    private static Long sampleId(DelegateExecution execution) {
        return ((Number) execution.getVariable(SpotCheck.SAMPLE_ID)).longValue();
    }
}
