package org.opensupervision.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When a node dies, the jobs it had locked wait for their lock to expire before another node runs them: at Camunda's
 * default that was five minutes of stopped deadlines. The lock is half a minute (docs/architecture.md, "Job locks of 30 s").
 */
class JobLockTimeTest extends IntegrationTest {

    @Autowired
    CamundaBpmProperties camunda;

    @Test
    void aDeadNodesJobsAreFreeForTheOthersWithinAMinute() {
        assertThat(camunda.getJobExecution().getLockTimeInMillis()).isEqualTo(30_000);
    }
}
