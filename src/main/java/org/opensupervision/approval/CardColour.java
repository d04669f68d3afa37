package org.opensupervision.approval;

/** 黄牌 warns, 红牌 records a violation. */
public enum CardColour {
    YELLOW, RED
}
