package org.opensupervision.approval;

/** The special procedures that stop a case's clocks (特别程序). */
public enum SpecialProcedure {
    /** 听证. */
    HEARING,
    /** 专家评审. */
    EXPERT_REVIEW,
    /** 检验检测. */
    TESTING,
    /** 公示. */
    PUBLIC_NOTICE
}
