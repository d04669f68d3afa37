package org.opensupervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mail's body goes {@code supervision.mail.body-retention.keep} (180 days) after it was sent, kept in the outbox or
 * written for nobody; the row stays, and mails still to be sent keep their bodies.
 */
class MailBodyRetentionTest extends IntegrationTest {

    private static final Duration KEEP = Duration.ofDays(180);

    @Autowired
    MailBodyRetention retention;
    @Autowired
    OutboundMailRepository outbox;
    @Autowired
    JdbcTemplate jdbc;

    private final String trackingNumber = "TS20250101-" + UUID.randomUUID().toString().substring(0, 6)
            .toUpperCase(Locale.ROOT);

    @Test
    void bodiesGoAfterTheRetentionPeriodAndEverythingElseStays() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant pastRetention = now.minus(KEEP).minus(Duration.ofDays(1));
        Instant withinRetention = now.minus(KEEP).plus(Duration.ofDays(1));
        long keptInOutbox = mail(Delivery.OUTBOX, pastRetention, null);
        long forNobody = mail(Delivery.NO_ADDRESS, pastRetention, null);
        long sentLongAgo = mail(Delivery.SMTP, pastRetention, pastRetention.plusSeconds(60));
        long young = mail(Delivery.OUTBOX, withinRetention, null);
        long sentRecently = mail(Delivery.SMTP, pastRetention, withinRetention);
        long pending = mail(Delivery.PENDING, pastRetention, null);
        long failed = mail(Delivery.FAILED, pastRetention, null);

        assertThat(retention.dropBodiesPastRetention()).isGreaterThanOrEqualTo(3);

        assertThat(body(keptInOutbox)).isNull();
        assertThat(body(forNobody)).isNull();
        assertThat(body(sentLongAgo)).isNull();
        assertThat(body(young)).as("written within the retention period").isNotNull();
        assertThat(body(sentRecently)).as("sent within the retention period").isNotNull();
        assertThat(body(pending)).as("still to be sent").isNotNull();
        assertThat(body(failed)).as("to be sent again by an operator").isNotNull();
        // The rest of the row stays: to whom, when, which notice, the subject, the delivery.
        OutboundMail gone = outbox.findById(keptInOutbox).orElseThrow();
        assertThat(gone.getRecipient()).isEqualTo("citizen.retention@example.com");
        assertThat(gone.getSubject()).isEqualTo("您的投诉已答复");
        assertThat(gone.getNotice()).isEqualTo(Notice.REPLY);
        assertThat(gone.getDelivery()).isEqualTo(Delivery.OUTBOX);
        assertThat(gone.getCreatedAt()).isEqualTo(pastRetention);
        assertThat(retention.dropBodiesPastRetention()).as("nothing left to remove").isZero();
    }

    private long mail(Delivery delivery, Instant createdAt, Instant sentAt) {
        OutboundMail mail = outbox.save(new OutboundMail(trackingNumber, Notice.REPLY, "citizen.retention@example.com",
                "您的投诉已答复", "经核查，您反映的问题已整改。", delivery, createdAt));
        if (sentAt != null) {
            jdbc.update("update outbound_mail set sent_at = ? where id = ?", sentAt.atOffset(ZoneOffset.UTC),
                    mail.getId());
        }
        return mail.getId();
    }

    private String body(long id) {
        return jdbc.queryForObject("select body from outbound_mail where id = ?", String.class, id);
    }
}
