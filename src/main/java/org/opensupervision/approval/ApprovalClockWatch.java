package org.opensupervision.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.opensupervision.approval.ApprovalClockPolicy.Threshold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches every open case's clocks without a timer per case: the cases whose next check is due are read from the
 * index on {@code next_check_at}, in batches, each batch locked and carded in one transaction. Several nodes may run
 * it: a case locked by one waits for the other's batch, and its raised causes make a second card impossible.
 */
@Component
public class ApprovalClockWatch {

    private static final Logger log = LoggerFactory.getLogger(ApprovalClockWatch.class);

    private final ApprovalCaseStore store;
    private final ApprovalCards cards;
    private final ApprovalClockPolicy clocks;
    private final ApprovalProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApprovalClockWatch(ApprovalCaseStore store, ApprovalCards cards, ApprovalClockPolicy clocks,
                       ApprovalProperties properties, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.cards = cards;
        this.clocks = clocks;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${supervision.approval.watch-interval:10s}",
            initialDelayString = "${supervision.approval.watch-interval:10s}")
    void scheduled() {
        if (!properties.watchScheduled()) {
            return;
        }
        try {
            checkDue();
        } catch (RuntimeException e) {
            log.error("Approval clock watch failed; it runs again in {}", properties.watchInterval(), e);
        }
    }

    /**
     * Raises every card that has fallen due, batch after batch until no due case is left.
     *
     * @return the number of cases looked at
     */
    public int checkDue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            List<Long> due = store.due(now, properties.watchBatchSize());
            if (due.isEmpty()) {
                break;
            }
            Integer carded = transaction.execute(status -> checkBatch(due, now));
            total += due.size();
            log.info("Approval clock watch: {} case(s) due, {} card(s) raised", due.size(), carded);
            if (due.size() < properties.watchBatchSize()) {
                break;
            }
        }
        return total;
    }

    private int checkBatch(List<Long> ids, Instant now) {
        List<StoredCase> cases = store.lockByIds(ids);
        int carded = 0;
        for (StoredCase c : cases) {
            Set<CardCause> due = EnumSet.noneOf(CardCause.class);
            for (Threshold t : clocks.thresholds(c.progress, now)) {
                if (!t.at().isAfter(now) && !c.raised.contains(t.cause())) {
                    due.add(t.cause());
                }
            }
            carded += due.size();
            cards.raise(c, due, now);
        }
        store.update(cases, now);
        return carded;
    }
}
