package org.opensupervision;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Process test coverage is recorded for every test class (the engine is shared, so every class must be tracked) and
 * written to {@code target/process-test-coverage}; {@link FullProcessCoverage} turns it into a check where a class
 * promises to cover a whole model.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestCoverageSettings {

    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder().reportDirectory("target/process-test-coverage").build();
    }
}
