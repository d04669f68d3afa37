package org.opensupervision.approval;

/** What a department's system reports about a case (the contract of {@code POST /api/approval-events}). */
public enum ApprovalEventType {
    /** 申办: the applicant applied. */
    SUBMITTED,
    /** 受理: the department accepted the application; the clocks start. */
    ACCEPTED,
    /** 不予受理: refused at intake, with a reason; the case ends. */
    REFUSED_AT_INTAKE,
    /** 补正: supplementary documents requested; the clocks stop. */
    CORRECTION_REQUESTED,
    /** 补正: the documents arrived; the clocks run again. */
    CORRECTION_RECEIVED,
    /** 特别程序 (听证, 专家评审, 检验检测, 公示) started; the clocks stop. */
    SPECIAL_PROCEDURE_STARTED,
    /** The special procedure ended; the clocks run again. */
    SPECIAL_PROCEDURE_ENDED,
    /** 审批: approved or refused (a refusal with a reason); the clocks end. */
    DECIDED,
    /** 办结: the case is completed (the decision delivered). */
    COMPLETED,
    /** 撤回: withdrawn by the applicant. */
    WITHDRAWN
}
