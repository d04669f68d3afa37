package org.opensupervision.approval;

/** The stage of an approval case, as its events put it. */
public enum CaseStatus {
    /** 申办: applied for, not yet accepted. */
    SUBMITTED(true),
    /** 受理/审查: accepted, under review, the clocks running. */
    ACCEPTED(true),
    /** 补正: waiting for supplementary documents, the clocks stopped. */
    CORRECTION(true),
    /** 特别程序: a special procedure is open, the clocks stopped. */
    SPECIAL_PROCEDURE(true),
    /** 审批: decided, the decision not yet delivered. */
    DECIDED(true),
    /** 办结. */
    COMPLETED(false),
    /** 不予受理. */
    REFUSED_AT_INTAKE(false),
    /** 撤回. */
    WITHDRAWN(false);

    private final boolean open;

    CaseStatus(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }
}
