package org.opensupervision.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.opensupervision.handling.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda's history is kept for supervision.audit.engine-history-time-to-live (180 days by default) after a process
 * instance ends; the audit trail, which the timeline and dossier read, keeps the case for ten years.
 */
class EngineHistoryRetentionTest extends IntegrationTest {

    @Autowired
    CaseDriver cases;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    AuditTrail trail;

    @Test
    void everyModelKeepsItsHistoryForTheConfiguredTimeToLive() {
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(180));
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty().allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(180));
    }

    @Test
    void aFinishedCaseLeavesCamundasHistoryAfterTheTimeToLiveButNotTheAuditTrail() {
        CaseDriver.moveClockTo(Instant.parse("2026-03-02T01:00:00Z"));
        String tn = cases.fileAndRoute("GD-AMR", "ATTITUDE", "a@example.com");
        String processInstanceId = cases.processInstanceId(tn);
        runtime.deleteProcessInstance(processInstanceId, "test: ended");

        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        assertThat(ended.getRemovalTime().toInstant())
                .isEqualTo(ended.getEndTime().toInstant().plus(Duration.ofDays(180)));
        assertThat(trail.entriesOf(tn)).extracting(AuditEntry::retainUntil)
                .allSatisfy(until -> assertThat(until).isAfter(Instant.parse("2036-03-01T00:00:00Z")));
    }
}
