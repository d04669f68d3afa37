package org.opensupervision.approval.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.opensupervision.approval.ApprovalEventInput;

/** The body of {@code POST /api/approval-events}: at most 1,000 events. */
@Schema(description = "一批审批办件事件，至多1000条 / A batch of at most 1,000 approval events")
record ApprovalEventBatch(List<ApprovalEventInput> events) {
}
