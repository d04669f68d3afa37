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
 * @param triage        the supervision office's triage (default: due 24 h after submission, reminder 4 h before)
 * @param review        the supervision office's review of a reply, in working days after the reply (default: 3)
 * @param ladder        the supervision ladder after a handling breach, in working days (defaults: the office writes
 *                      the 督办 notice within 1, the department has 3 after the notice and 3 after the 通报)
 */
@Validated
@ConfigurationProperties("supervision")
public record DeadlineProperties(@NotNull FirstFeedback firstFeedback, @NotNull Handling handling,
                                 @NotNull Triage triage, @NotNull Review review, @NotNull Ladder ladder) {

    public record FirstFeedback(@NotNull Duration deadline, @NotNull Duration reminderBefore) {
    }

    public record Handling(@Min(1) int workingDays, @Min(0) int reminderWorkingDaysBefore,
                           @Min(1) int maxExtensionWorkingDays, @Min(1) int reworkWorkingDays) {
    }

    public record Triage(@NotNull Duration deadline, @NotNull Duration reminderBefore) {
    }

    public record Review(@Min(1) int workingDays) {
    }

    public record Ladder(@Min(1) int noticeTaskWorkingDays, @Min(1) int noticeWorkingDays,
                         @Min(1) int criticismWorkingDays) {
    }
}
