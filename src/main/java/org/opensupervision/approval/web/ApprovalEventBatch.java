package org.opensupervision.approval.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opensupervision.approval.ApprovalEventInput;

/** The body of {@code POST /api/approval-events}: at most 1,000 events. */
@Schema(description = "一批审批办件事件，至多1000条 / A batch of at most 1,000 approval events. JSON Schema: "
        + "/schemas/approval-events.schema.json")
record ApprovalEventBatch(
        @ArraySchema(maxItems = 1000, schema = @Schema(implementation = ApprovalEventInput.class),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<ApprovalEventInput> events) {
}
