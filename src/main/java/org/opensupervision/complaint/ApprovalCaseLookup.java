package org.opensupervision.complaint;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Finds the approval case a complaint names, for a reader. Implemented by the approval module (which depends on this
 * one, so the complaint module reads no approval table and knows no approval type). The link is by the case's
 * natural key, looked up when the complaint is read: whichever of the two arrived first, both orders show it.
 */
public interface ApprovalCaseLookup {

    /**
     * The case with that id, if it exists and the reader may see it (the offices every department's, a handler their
     * own department's).
     */
    Optional<LinkedApprovalCase> find(String approvalCaseNumber, Authentication reader);

    /**
     * The case's timeline and cards as text for a read-only field of a complaint task's form, or why it is not shown
     * (another department's case); empty when there is no case to speak of (none named, or not reported yet), which
     * the form says itself, so the task stores no variable for it.
     *
     * @param audience the departments the task's users handle, or null when the offices work the task (every
     *                 department's case is theirs to see)
     */
    Optional<String> summaryOf(String approvalCaseNumber, Set<String> audience);
}
