package org.opensupervision.approval.simulator;

import java.time.Clock;
import java.util.List;

import org.opensupervision.approval.ApprovalCatalogue;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.department.DepartmentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Runs the simulator every {@code tick-interval} once the web server listens: it learns the local port from the
 * server's start, and sends to {@code http://127.0.0.1:<port>} (or {@code server.address}). Whatever goes wrong is
 * logged and the next tick tries again; the application never fails because of the simulator.
 */
@Component
@ConditionalOnProperty(name = "supervision.approval.simulator.enabled", havingValue = "true")
class ApprovalSimulatorRunner {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSimulatorRunner.class);

    private final ApprovalCatalogue catalogue;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ApprovalSimulatorProperties properties;
    private final RestClient.Builder rest;
    private final String address;
    private final String contextPath;
    private volatile ApprovalSimulator simulator;

    ApprovalSimulatorRunner(ApprovalCatalogue catalogue, DepartmentDirectory departments, WorkingDayCalendar calendar,
                            Clock clock, ApprovalSimulatorProperties properties, RestClient.Builder rest,
                            @Value("${server.address:127.0.0.1}") String address,
                            @Value("${server.servlet.context-path:}") String contextPath) {
        this.catalogue = catalogue;
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
        this.rest = rest;
        this.address = address.isBlank() || address.equals("0.0.0.0") ? "127.0.0.1" : address;
        this.contextPath = contextPath;
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return;
        }
        String base = "http://" + address + ":" + event.getWebServer().getPort() + contextPath;
        String runId = Long.toString(clock.millis() / 1000, 36).toUpperCase(java.util.Locale.ROOT);
        simulator = new ApprovalSimulator(this::items, new ApprovalEventsClient(rest, base), calendar, clock,
                properties, runId);
        log.info("Approval simulator on (demo data): {} new case(s) a minute, a tick every {} s, at most {} open, "
                        + "sent to {}/api/approval-events as the departments' machine users; "
                        + "off with supervision.approval.simulator.enabled=false",
                java.math.BigDecimal.valueOf(properties.casesPerMinute()).stripTrailingZeros().toPlainString(),
                properties.tickInterval().toMillis() / 1000.0, properties.maxOpenCases(), base);
    }

    @Scheduled(fixedDelayString = "${supervision.approval.simulator.tick-interval:10s}",
            initialDelayString = "${supervision.approval.simulator.tick-interval:10s}")
    void tick() {
        ApprovalSimulator running = simulator;
        if (running == null) {
            return;
        }
        try {
            running.tick();
        } catch (RuntimeException e) {
            log.warn("Approval simulator tick failed; the next tick tries again", e);
        }
    }

    /** The catalogue's items of the departments that have a machine user (the demo departments). */
    private List<ApprovalItem> items() {
        return catalogue.items(null).stream()
                .filter(item -> departments.find(item.departmentCode()).isPresent())
                .toList();
    }
}
