package org.opensupervision.handling;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The first feedback is due a fixed number of clock hours after submission (24 h by default), whatever the
 * calendar says; a redirect to another department does not reset it.
 */
@Component
public class FirstFeedbackDeadlinePolicy {

    private final DeadlineProperties.FirstFeedback rule;

    FirstFeedbackDeadlinePolicy(DeadlineProperties properties) {
        this.rule = properties.firstFeedback();
    }

    /** When the first feedback for a complaint submitted at {@code submittedAt} is due. */
    public Instant dueAt(Instant submittedAt) {
        return submittedAt.plus(rule.deadline());
    }

    /** When the department is reminded (20 h after submission by default). */
    public Instant reminderAt(Instant submittedAt) {
        return dueAt(submittedAt).minus(rule.reminderBefore());
    }
}
