package org.opensupervision.approval.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo simulator ({@code supervision.approval.simulator.*}).
 *
 * @param enabled        whether it runs (application.yml: with the demo data; off in the test and bench profiles)
 * @param casesPerMinute new cases a minute, across all departments (30)
 * @param tickInterval   how often it sends (10 s); each open case moves at most one step a tick
 * @param maxOpenCases   no new case while this many simulated cases are open (200)
 * @param lateShare      share of accepted cases backdated past their promised limit: red cards at once (0.2)
 * @param nearShare      share of accepted cases backdated to their last day: yellow cards at once (0.15)
 * @param seed           the seed of its random choices, for a reproducible stream; none: a different stream each run
 */
@ConfigurationProperties("supervision.approval.simulator")
public record ApprovalSimulatorProperties(@DefaultValue("false") boolean enabled,
                                          @DefaultValue("30") double casesPerMinute,
                                          @DefaultValue("10s") Duration tickInterval,
                                          @DefaultValue("200") int maxOpenCases,
                                          @DefaultValue("0.2") double lateShare,
                                          @DefaultValue("0.15") double nearShare,
                                          Long seed) {
}
