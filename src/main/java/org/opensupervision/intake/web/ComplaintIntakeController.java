package org.opensupervision.intake.web;

import java.net.URI;
import java.time.Instant;

import org.opensupervision.intake.ComplaintIntake;
import org.opensupervision.intake.ComplaintSubmission;
import org.opensupervision.intake.IntakeReceipt;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

/** The public complaint API: no login, validation errors as RFC 9457 problem details. */
@RestController
class ComplaintIntakeController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ComplaintIntake intake;

    ComplaintIntakeController(ComplaintIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "File a complaint", description = "Answers 201 with the tracking number, the secret access "
            + "code and the first-feedback deadline. A retry with the same Idempotency-Key returns the same complaint.")
    @PostMapping(path = "/api/complaints", consumes = "application/json", produces = "application/json")
    ResponseEntity<ReceiptView> submit(@RequestBody ComplaintSubmission submission,
                                       @Parameter(description = "any unique string of at most 128 characters")
                                       @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        IntakeReceipt receipt = intake.submit(submission, IdempotencyKeys.check(idempotencyKey));
        return ResponseEntity.created(URI.create("/api/complaints/" + receipt.trackingNumber()))
                .header("Idempotent-Replayed", String.valueOf(!receipt.created()))
                .body(new ReceiptView(receipt.trackingNumber(), receipt.accessCode(), receipt.firstFeedbackDueAt()));
    }

    record ReceiptView(String trackingNumber, String accessCode, Instant firstFeedbackDueAt) {
    }
}
