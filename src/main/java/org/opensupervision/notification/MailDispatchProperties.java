package org.opensupervision.notification;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.mail.dispatch.*}: how the dispatcher sends the outbox over SMTP (only with {@code spring.mail.host}).
 *
 * @param interval       pause between two sweeps of the outbox
 * @param batchSize      mails claimed per claim
 * @param maxAttempts    attempts before a mail is FAILED and waits for an operator
 * @param firstRetry     wait after the first failed attempt; doubled after each further one, up to {@code maxRetry}
 * @param maxRetry       longest wait between two attempts
 * @param lease          how long a claim holds; a dispatcher that died sending frees its mails after this
 * @param scheduled      whether the sweep runs on its own (tests call it)
 */
@Validated
@ConfigurationProperties("supervision.mail.dispatch")
record MailDispatchProperties(@DefaultValue("PT5S") Duration interval, @DefaultValue("50") @Min(1) int batchSize,
                              @DefaultValue("8") @Min(1) int maxAttempts,
                              @DefaultValue("PT1M") Duration firstRetry, @DefaultValue("PT1H") Duration maxRetry,
                              @DefaultValue("PT5M") Duration lease, @DefaultValue("true") boolean scheduled) {

    /** When to try again after {@code failedAttempts} failures, or {@code null} when none is left. */
    Duration retryAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return null;
        }
        Duration wait = firstRetry.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
