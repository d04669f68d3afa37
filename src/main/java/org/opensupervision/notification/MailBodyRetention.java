package org.opensupervision.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the body of each mail {@code supervision.mail.body-retention.keep} (default 180 days) after it was sent over
 * SMTP, kept in the outbox (no SMTP configured) or written for nobody (no address): the body is a rendering of what
 * the complaint and its audit trail keep for ten years (the reply, the first feedback, the due dates), and was about
 * 1.3 of the 2.3 KB the outbox kept per closed complaint (issue 17, figure 5). The row stays: to whom, when, which
 * notice, the subject and how it was delivered. Mails still to be sent (pending, failed) keep their bodies.
 */
@Component
class MailBodyRetention {

    private static final Logger log = LoggerFactory.getLogger(MailBodyRetention.class);

    private final OutboundMailRepository outbox;
    private final MailBodyRetentionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailBodyRetention(OutboundMailRepository outbox, MailBodyRetentionProperties properties,
                      PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Runs nightly; returns how many bodies were removed. Each batch commits on its own. */
    @Scheduled(cron = "${supervision.mail.body-retention.cron:0 45 3 * * *}",
            zone = "${supervision.calendar.zone:Asia/Shanghai}")
    public int dropBodiesPastRetention() {
        Instant cutoff = clock.instant().minus(properties.keep());
        int dropped = 0;
        int batch;
        do {
            batch = transaction.execute(status -> {
                List<Long> ids = outbox.findBodiesKeptSince(cutoff, PageRequest.of(0, properties.batchSize()));
                return ids.isEmpty() ? 0 : outbox.dropBodies(ids);
            });
            dropped += batch;
        } while (batch >= properties.batchSize());
        if (dropped > 0) {
            log.info("Bodies of {} mail(s) sent before {} removed after the retention period", dropped, cutoff);
        }
        return dropped;
    }
}
