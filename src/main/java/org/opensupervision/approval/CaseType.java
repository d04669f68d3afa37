package org.opensupervision.approval;

/** How an item is handled: 即办件 on the spot, 承诺件 by a promised limit, 上报件 with a higher level's approval. */
public enum CaseType {
    /** 即办件: due the same working day. */
    IMMEDIATE,
    /** 承诺件: due by the promised limit. */
    PROMISED,
    /** 上报件: needs a higher level's approval, within the same limits. */
    REPORTED
}
