package org.opensupervision.discipline;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.discipline.*}: the deadlines of the discipline inspectors' steps, in working days on the official
 * calendar, and the mail address of the head of discipline inspection, who gets overdue steps.
 */
@Validated
@ConfigurationProperties("supervision.discipline")
public record DisciplineProperties(@Min(1) int preliminaryReviewWorkingDays, @Min(1) int investigationWorkingDays,
                                   @Min(1) int maxExtensionWorkingDays, @NotBlank String headAddress) {
}
