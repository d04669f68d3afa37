package org.opensupervision.handling;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deadlines officials may change: {@code supervision.first-feedback.*} and {@code supervision.handling.*}.
 *
 * @param firstFeedback the first-feedback clock (default: due 24 h after submission, reminder 4 h before)
 * @param handling      the handling clock in working days (default: 15, reminder 1 working day before, extension
 *                      at most 15)
 */
@Validated
@ConfigurationProperties("supervision")
public record DeadlineProperties(@NotNull FirstFeedback firstFeedback, @NotNull Handling handling) {

    public record FirstFeedback(@NotNull Duration deadline, @NotNull Duration reminderBefore) {
    }

    public record Handling(@Min(1) int workingDays, @Min(0) int reminderWorkingDaysBefore,
                           @Min(1) int maxExtensionWorkingDays) {
    }
}
