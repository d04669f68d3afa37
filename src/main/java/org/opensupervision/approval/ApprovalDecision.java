package org.opensupervision.approval;

/** The outcome of 审批. */
public enum ApprovalDecision {
    APPROVED, REFUSED
}
