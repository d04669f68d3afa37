package org.opensupervision.notification;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.mail.body-retention.*}: how long a mail's body is kept once it was sent, kept in the outbox, or
 * written for nobody ({@link MailBodyRetention}); {@code supervision.mail.body-retention.cron} says when it runs.
 *
 * @param keep      how long after it was sent (or written, for the outbox and for nobody) a body is kept
 * @param batchSize bodies removed per transaction
 */
@Validated
@ConfigurationProperties("supervision.mail.body-retention")
record MailBodyRetentionProperties(@DefaultValue("P180D") Duration keep,
                                   @DefaultValue("500") @Min(1) int batchSize) {

    MailBodyRetentionProperties {
        if (keep.isNegative()) {
            throw new IllegalStateException("supervision.mail.body-retention.keep must not be negative, e.g. P180D");
        }
    }
}
