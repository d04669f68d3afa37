package org.opensupervision.rules;

import java.time.Instant;

/**
 * The yellow and red cards of approval-case supervision, as far as the rules need them: the approval module implements
 * this interface, so the rules need not know it. Withdrawn cards do not count.
 */
public interface ApprovalCardCounts {

    /** Red cards the department's approval cases received since {@code since}. */
    long redCardsSince(String departmentCode, Instant since);

    /** Yellow cards the department's approval cases received since {@code since}. */
    long yellowCardsSince(String departmentCode, Instant since);
}
