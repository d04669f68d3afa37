package org.opensupervision.approval.simulator;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The simulator's settings; the simulator itself runs only when enabled ({@link ApprovalSimulatorRunner}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApprovalSimulatorProperties.class)
class ApprovalSimulatorConfiguration {
}
