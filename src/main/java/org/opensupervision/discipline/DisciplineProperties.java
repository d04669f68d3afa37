package org.opensupervision.discipline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.discipline.*}: the deadlines of the discipline inspectors' steps, in working days on the official
 * calendar, the mail address of the head of discipline inspection, who gets overdue steps, and the severity (1 to 5,
 * like a rule's) of an integrity complaint the supervision office refers at triage (default 3).
 */
@Validated
@ConfigurationProperties("supervision.discipline")
public record DisciplineProperties(@Min(1) int preliminaryReviewWorkingDays, @Min(1) int investigationWorkingDays,
                                   @Min(1) int maxExtensionWorkingDays, @NotBlank String headAddress,
                                   @DefaultValue("3") @Min(1) @Max(5) int triageReferralSeverity) {
}
