package org.opensupervision.approval.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.opensupervision.approval.ApprovalEventInput;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.approval.EventBatchResult;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated departments' systems. Each {@link #tick()} starts new cases at the configured rate (while fewer than
 * the bound are open), moves each open case by at most one step (a backdated history counts as one), and sends each department's events as one batch
 * through the API. A batch that fails is sent again unchanged next tick (the API ignores what it kept already); a
 * simulated case whose event the API refuses is given up and logged, as is one whose batch keeps failing. Not thread
 * safe: one scheduler thread ticks it.
 */
class ApprovalSimulator {

    private static final Logger log = LoggerFactory.getLogger(ApprovalSimulator.class);
    /** The chance that an open case moves on in a tick: a case lives about ten ticks. */
    private static final double ADVANCE = 0.4;
    /** The chance that a department's system sends a case's last event again (a lost answer): duplicates. */
    private static final double RESEND = 0.03;
    /** Ticks a case's step may fail before the case is given up. */
    private static final int MAX_FAILURES = 6;

    private final Supplier<List<ApprovalItem>> items;
    private final ApprovalEventsClient client;
    private final Clock clock;
    private final ApprovalSimulatorProperties properties;
    private final Random random;
    private final CaseScripts scripts;
    private final String runId;
    private final List<SimulatedCase> open = new ArrayList<>();
    private final Map<SimulatedCase, Integer> failures = new HashMap<>();
    private double owedCases;
    private long started;
    private long tick;

    /**
     * @param items the catalogue items to simulate cases of (read every tick, so a new catalogue version is used)
     * @param runId distinguishes this run's case ids from earlier runs' (case ids are {@code SIM<runId>-<n>})
     */
    ApprovalSimulator(Supplier<List<ApprovalItem>> items, ApprovalEventsClient client, WorkingDayCalendar calendar,
                      Clock clock, ApprovalSimulatorProperties properties, String runId) {
        this.items = items;
        this.client = client;
        this.clock = clock;
        this.properties = properties;
        this.random = properties.seed() != null ? new Random(properties.seed()) : new Random();
        this.scripts = new CaseScripts(calendar, random, properties.lateShare(), properties.nearShare());
        this.runId = runId;
    }

    /** The id of the {@code n}-th case this simulator started (from 1). */
    String caseId(long n) {
        return "SIM" + runId + "-" + n;
    }

    /** How many cases it has started. */
    long started() {
        return started;
    }

    /** Starts new cases, moves open ones, sends the events; never throws for a failed batch. */
    TickSummary tick() {
        tick++;
        Instant now = clock.instant();
        List<ApprovalItem> catalogue = items.get();
        int newCases = 0;
        if (catalogue.isEmpty()) {
            log.info("Approval simulator tick {}: no catalogue item to simulate yet", tick);
        } else {
            owedCases += properties.casesPerMinute() * properties.tickInterval().toMillis() / 60_000.0;
            while (owedCases >= 1 && open.size() < properties.maxOpenCases()) {
                owedCases--;
                ApprovalItem item = catalogue.get(random.nextInt(catalogue.size()));
                SimulatedCase c = scripts.next(caseId(++started), item, now);
                log.debug("Approval simulator: new case {} {}", c.caseId(), c.scenario());
                open.add(c);
                newCases++;
            }
            // At the bound no backlog builds up: the rate resumes when cases close.
            owedCases = Math.min(owedCases, 1);
        }
        Map<String, List<Outgoing>> batches = new LinkedHashMap<>();
        for (SimulatedCase c : open) {
            boolean moves = !c.started() || c.awaitingRetry() || random.nextDouble() < ADVANCE;
            if (!moves) {
                continue;
            }
            List<Outgoing> batch = batches.computeIfAbsent(c.departmentCode(), d -> new ArrayList<>());
            ApprovalEventInput again = c.awaitingRetry() || random.nextDouble() >= RESEND ? null : c.resend();
            if (again != null) {
                batch.add(new Outgoing(c, again, false));
            }
            c.next(now).forEach(e -> batch.add(new Outgoing(c, e, true)));
        }
        int sent = 0;
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        int failed = 0;
        for (Map.Entry<String, List<Outgoing>> batch : batches.entrySet()) {
            List<Outgoing> outgoing = batch.getValue();
            sent += outgoing.size();
            EventBatchResult result;
            try {
                result = client.send(batch.getKey(), outgoing.stream().map(Outgoing::event).toList());
            } catch (RuntimeException e) {
                failed++;
                log.warn("Approval simulator: the batch of {} ({} event(s)) failed, sent again next tick: {}",
                        batch.getKey(), outgoing.size(), e.toString());
                outgoing.stream().filter(Outgoing::step).map(Outgoing::simulated).distinct().forEach(this::failed);
                continue;
            }
            accepted += result.accepted();
            duplicates += result.duplicates();
            rejected += result.rejected().size();
            List<SimulatedCase> refused = new ArrayList<>();
            for (EventBatchResult.Rejected r : result.rejected()) {
                Outgoing o = outgoing.get(r.index());
                log.warn("Approval simulator: event {} of case {} refused ({} {}); the case is given up", r.eventId(),
                        o.simulated().caseId(), r.code(), r.message());
                refused.add(o.simulated());
            }
            outgoing.stream().filter(o -> o.step() && !refused.contains(o.simulated())).map(Outgoing::simulated)
                    .distinct().forEach(c -> {
                        c.confirm();
                        failures.remove(c);
                    });
            open.removeAll(refused);
            refused.forEach(failures::remove);
        }
        open.removeIf(SimulatedCase::finished);
        TickSummary summary = new TickSummary(newCases, sent, accepted, duplicates, rejected, failed, open.size());
        log.info("Approval simulator tick {}: {} new case(s); {} event(s) sent in {} batch(es): {} accepted, "
                        + "{} duplicate(s), {} rejected, {} batch(es) failed; {} simulated case(s) open", tick, newCases,
                sent, batches.size(), accepted, duplicates, rejected, failed, open.size());
        return summary;
    }

    private void failed(SimulatedCase c) {
        int count = failures.merge(c, 1, Integer::sum);
        if (count >= MAX_FAILURES) {
            log.warn("Approval simulator: case {} given up after {} failed attempts", c.caseId(), count);
            failures.remove(c);
            open.remove(c);
        }
    }

    /** One event of a batch: one of the case's next steps, or a resend of its last one. */
    private record Outgoing(SimulatedCase simulated, ApprovalEventInput event, boolean step) {
    }
}
