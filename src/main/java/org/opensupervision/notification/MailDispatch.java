package org.opensupervision.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox over SMTP (only with {@code spring.mail.host}): claims a batch of due PENDING mails, sends each
 * outside any transaction, then marks it sent, or failed with a retry after a growing wait, or FAILED after the last
 * attempt (logged at ERROR, counted in the metric {@code supervision.mail.outbox}, shown on the outbox page with a
 * retry button).
 * <p>
 * Delivery is at least once: a dispatcher that dies between the SMTP server's acceptance and its mark leaves the
 * claim to expire ({@code supervision.mail.dispatch.lease}), and the mail is sent again. A mail is never lost: it was
 * committed with the process step that wrote it.
 */
@Service
public class MailDispatch {

    private static final Logger log = LoggerFactory.getLogger(MailDispatch.class);

    private final ObjectProvider<JavaMailSender> smtp;
    private final OutboundMailRepository outbox;
    private final TransactionTemplate transaction;
    private final MailProperties mail;
    private final MailDispatchProperties properties;
    private final Clock clock;

    MailDispatch(ObjectProvider<JavaMailSender> smtp, OutboundMailRepository outbox,
                 PlatformTransactionManager transactions, MailProperties mail, MailDispatchProperties properties,
                 Clock clock) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends every mail due now, batch by batch, and returns how many the SMTP server accepted. Does nothing without
     * an SMTP server configured. Safe to run on several nodes at once: each mail is claimed by one of them.
     */
    public int dispatchDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        List<OutboundMail> batch;
        do {
            batch = claimBatch();
            for (OutboundMail claimed : batch) {
                if (send(sender, claimed)) {
                    sent++;
                }
            }
        } while (batch.size() >= properties.batchSize());
        return sent;
    }

    /**
     * An operator's retry of a FAILED mail: it is sent again by the next sweep, with a fresh round of attempts.
     *
     * @return whether the mail was queued again; {@code false} when it is not (or no longer) FAILED, e.g. a second
     *         click on the button
     * @throws java.util.NoSuchElementException when there is no such mail
     */
    public boolean retry(long mailId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            OutboundMail mail = outbox.findById(mailId).orElseThrow();
            if (mail.getDelivery() != Delivery.FAILED) {
                return false;
            }
            mail.retry(clock.instant());
            log.info("Mail {} ({} of {}) queued again by an operator", mailId, mail.getNotice(),
                    mail.getTrackingNumber());
            return true;
        }));
    }

    /** How many mails are in this state (for the metric and the outbox page). */
    public long count(Delivery delivery) {
        return outbox.countByDelivery(delivery);
    }

    private List<OutboundMail> claimBatch() {
        String owner = UUID.randomUUID().toString();
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> due = outbox.findDueIds(now, PageRequest.of(0, properties.batchSize()));
            if (due.isEmpty()) {
                return List.of();
            }
            outbox.claim(due, owner, now.plus(properties.lease()), now);
            return outbox.findClaimedBy(owner);
        });
    }

    private boolean send(JavaMailSender sender, OutboundMail claimed) {
        String owner = claimed.getLeaseOwner();
        Integer renewed = transaction.execute(status -> outbox.renewClaim(claimed.getId(), owner,
                clock.instant().plus(properties.lease()), clock.instant()));
        if (renewed == null || renewed == 0) {
            log.info("Mail {} skipped: its claim ran out and another dispatcher took it", claimed.getId());
            return false;
        }
        MailRecipients recipients = MailRecipients.parse(claimed.getRecipient());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(mail.from());
        message.setTo(recipients.to().toArray(String[]::new));
        if (!recipients.cc().isEmpty()) {
            message.setCc(recipients.cc().toArray(String[]::new));
        }
        message.setSubject(claimed.getSubject());
        message.setText(claimed.getBody());
        try {
            sender.send(message);
        } catch (RuntimeException ex) {
            failed(claimed.getId(), owner, ex);
            return false;
        }
        transaction.executeWithoutResult(status -> outbox.findById(claimed.getId())
                .filter(row -> owner.equals(row.getLeaseOwner())).ifPresent(row -> row.markSent(clock.instant())));
        log.info("Mail {} ({} of {}) sent over SMTP", claimed.getId(), claimed.getNotice(),
                claimed.getTrackingNumber());
        return true;
    }

    private void failed(long mailId, String owner, RuntimeException error) {
        transaction.executeWithoutResult(status -> outbox.findById(mailId)
                .filter(row -> owner.equals(row.getLeaseOwner())).ifPresent(row -> {
            Duration wait = properties.retryAfter(row.getAttempts() + 1);
            Instant retryAt = wait == null ? null : clock.instant().plus(wait);
            row.markAttemptFailed(String.valueOf(error.getMessage()), retryAt);
            if (retryAt == null) {
                log.error("Mail {} ({} of {}) FAILED after {} attempts, retry it from the outbox page: {}", mailId,
                        row.getNotice(), row.getTrackingNumber(), row.getAttempts(), error.getMessage());
            } else {
                log.warn("Mail {} ({} of {}) not sent (attempt {}), next attempt at {}: {}", mailId,
                        row.getNotice(), row.getTrackingNumber(), row.getAttempts(), retryAt, error.getMessage());
            }
        }));
    }
}
