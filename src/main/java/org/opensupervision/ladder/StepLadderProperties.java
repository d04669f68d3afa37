package org.opensupervision.ladder;

import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code supervision.step-ladder.*}: how many working days each step has (keyed by the step's ladder name, e.g.
 * {@code rating-callback}) and how many working days before its due date the reminder goes. The steps that pass their
 * due date go to the head of the supervision office ({@code supervision.mail.supervision-head-address}).
 */
@Validated
@ConfigurationProperties("supervision.step-ladder")
public record StepLadderProperties(@NotEmpty Map<String, Integer> workingDays, @Min(0) int reminderWorkingDaysBefore) {

    /** The working days of the named step; fails for a step the configuration does not name. */
    public int workingDaysOf(String step) {
        Integer days = workingDays.get(step);
        if (days == null || days < 1) {
            throw new IllegalStateException("supervision.step-ladder.working-days." + step + " is not configured");
        }
        return days;
    }
}
