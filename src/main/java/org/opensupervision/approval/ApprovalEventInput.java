package org.opensupervision.approval;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event as a department's system sends it ({@code POST /api/approval-events}). Fields are strings so that one bad
 * value refuses that event alone (code {@code INVALID}), not the whole batch.
 */
@Schema(description = "审批办件事件 / One event of an approval case")
public record ApprovalEventInput(
        @Schema(description = "发送方的事件唯一编号 / The sender's unique id of the event", example = "GD-AMR-20260302-000001-1",
                requiredMode = REQUIRED)
        String eventId,
        @Schema(description = "办件编号 / The approval case number", example = "44000020260302001", requiredMode = REQUIRED)
        String caseId,
        @Schema(description = "事项编码 / The catalogue item code", example = "GD-AMR-001", requiredMode = REQUIRED)
        String itemCode,
        @Schema(description = "部门编码 / The department", example = "GD-AMR", requiredMode = REQUIRED)
        String departmentCode,
        @Schema(description = "事件类型 / Event type", example = "ACCEPTED", allowableValues = {"SUBMITTED", "ACCEPTED",
                "REFUSED_AT_INTAKE", "CORRECTION_REQUESTED", "CORRECTION_RECEIVED", "SPECIAL_PROCEDURE_STARTED",
                "SPECIAL_PROCEDURE_ENDED", "DECIDED", "COMPLETED", "WITHDRAWN"}, requiredMode = REQUIRED)
        String type,
        @Schema(description = "发生时间（ISO-8601，带时区偏移）/ When it happened, ISO-8601 with offset",
                example = "2026-03-02T09:30:00+08:00", requiredMode = REQUIRED)
        String occurredAt,
        @Schema(description = "渠道 / Channel", example = "ONLINE", allowableValues = {"ONLINE", "COUNTER"},
                requiredMode = REQUIRED)
        String channel,
        @Schema(description = "理由：不予受理、补正、不予批准时必填 / Reason: required for REFUSED_AT_INTAKE and CORRECTION_REQUESTED, expected for a refusal")
        String reason,
        @Schema(description = "特别程序：SPECIAL_PROCEDURE_* 时必填 / The special procedure", allowableValues = {
                "HEARING", "EXPERT_REVIEW", "TESTING", "PUBLIC_NOTICE"})
        String procedure,
        @Schema(description = "审批结果：DECIDED 时必填 / The decision", allowableValues = {"APPROVED", "REFUSED"})
        String decision) {
}
