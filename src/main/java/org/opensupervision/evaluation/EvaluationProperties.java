package org.opensupervision.evaluation;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code supervision.evaluation.*}: when {@code monthly-evaluation} starts ({@code cycle}: an ISO 8601 repeating
 * interval, by default just after midnight on the 1st of each month in China Standard Time; the model then waits for
 * the first working day of the month at {@code compute-time}), how long the evaluation office has to review
 * ({@code review-working-days}), when it is reminded ({@code reminder-working-days-before} the due date) and where
 * the reminders go (the escalation goes to {@code supervision.mail.supervision-head-address}).
 */
@Validated
@ConfigurationProperties("supervision.evaluation")
public record EvaluationProperties(@NotBlank String cycle, @NotNull LocalTime computeTime,
                                   @Min(1) int reviewWorkingDays, @Min(0) int reminderWorkingDaysBefore,
                                   @NotBlank String officeAddress) {
}
