package org.opensupervision;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process test coverage: reported for the process test classes, and the complaint-handling test must cover every
 * flow node and sequence flow of its model.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestCoverageSettings {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder()
                .addInclusionPatternForTestClasses(".*ProcessTest")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
