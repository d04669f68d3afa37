package org.opensupervision.approval;

/** Where a step happened: on the online service hall or at the counter. */
public enum Channel {
    ONLINE, COUNTER
}
