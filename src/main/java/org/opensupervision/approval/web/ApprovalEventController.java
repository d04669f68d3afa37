package org.opensupervision.approval.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.opensupervision.approval.ApprovalEventIntake;
import org.opensupervision.approval.ApprovalProperties;
import org.opensupervision.approval.EventBatchResult;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Event intake from the departments' systems (数据归集). */
@RestController
class ApprovalEventController {

    private static final String EXAMPLE = """
            {"events": [
              {"eventId": "GD-AMR-44000020260302001-1", "caseId": "44000020260302001", "itemCode": "GD-AMR-005",
               "departmentCode": "GD-AMR", "type": "SUBMITTED", "occurredAt": "2026-03-02T09:30:00+08:00",
               "channel": "ONLINE"},
              {"eventId": "GD-AMR-44000020260302001-2", "caseId": "44000020260302001", "itemCode": "GD-AMR-005",
               "departmentCode": "GD-AMR", "type": "ACCEPTED", "occurredAt": "2026-03-02T10:05:00+08:00",
               "channel": "ONLINE"},
              {"eventId": "GD-AMR-44000020260302001-3", "caseId": "44000020260302001", "itemCode": "GD-AMR-005",
               "departmentCode": "GD-AMR", "type": "CORRECTION_REQUESTED", "occurredAt": "2026-03-03T15:00:00+08:00",
               "channel": "ONLINE", "reason": "缺少股东会决议 / The shareholders' resolution is missing"}
            ]}""";

    private static final String ANSWER = """
            {"accepted": 2, "duplicates": 0, "rejected": [
              {"index": 2, "eventId": "GD-AMR-44000020260302001-3", "code": "INVALID",
               "message": "reason: CORRECTION_REQUESTED 须说明理由 / a reason is required"}
            ]}""";

    private final ApprovalEventIntake intake;
    private final ApprovalAccess access;
    private final ApprovalProperties properties;
    private final Problems problems;

    ApprovalEventController(ApprovalEventIntake intake, ApprovalAccess access, ApprovalProperties properties,
                            Problems problems) {
        this.intake = intake;
        this.access = access;
        this.properties = properties;
        this.problems = problems;
    }

    @Operation(summary = "Send approval-case events (machine clients of the departments)", description = """
            A batch of up to 1,000 events of the sender's own department. Each event is kept or refused on its own: \
            200 {accepted, duplicates, rejected: [{index, eventId, code, message}]} with codes INVALID, UNKNOWN_ITEM, \
            WRONG_DEPARTMENT, IMPOSSIBLE_TRANSITION. A duplicate eventId is acknowledged and ignored; an event \
            that arrives late is placed by its own time and the case's clocks recomputed. A malformed body or more \
            than 1,000 events is a 400 problem and nothing is kept. JSON Schema: /schemas/approval-events.schema.json""",
            requestBody = @RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApprovalEventBatch.class),
                    examples = @ExampleObject(name = "申办、受理、补正", value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "每条事件的结果 / What became of each event",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = EventBatchResult.class),
                                    examples = @ExampleObject(name = "一条被拒 / One refused", value = ANSWER))),
                    @ApiResponse(responseCode = "400", description = "请求体格式错误或超过1000条，全部未保存 / Malformed "
                            + "body or more than 1,000 events: nothing kept", content = @Content(
                            mediaType = "application/problem+json")),
                    @ApiResponse(responseCode = "401", description = "未认证 / Not authenticated", content = @Content),
                    @ApiResponse(responseCode = "403", description = "不是部门业务系统 / Not a department's system",
                            content = @Content(mediaType = "application/problem+json"))})
    @PostMapping("/api/approval-events")
    ResponseEntity<?> receive(@org.springframework.web.bind.annotation.RequestBody ApprovalEventBatch batch,
                              Authentication login, Locale locale) {
        String department = access.systemDepartment(login);
        if (department == null) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.problem(HttpStatus.FORBIDDEN,
                    org.opensupervision.web.ProblemTypes.FORBIDDEN, "problem.approval.forbidden", locale));
        }
        if (batch == null || batch.events() == null) {
            return ResponseEntity.badRequest().body(problems.validation(List.of(Map.of("field", "events",
                    "code", "required", "message", "须提供 events 数组 / An events array is required")), locale));
        }
        if (batch.events().size() > properties.maxBatchSize()) {
            return ResponseEntity.badRequest().body(problems.validation(List.of(Map.of("field", "events",
                    "code", "tooMany", "message", "一批至多" + properties.maxBatchSize() + "条事件，收到"
                            + batch.events().size() + "条 / At most " + properties.maxBatchSize()
                            + " events in one batch, got " + batch.events().size())), locale));
        }
        return ResponseEntity.ok(intake.receive(department, batch.events()));
    }
}
