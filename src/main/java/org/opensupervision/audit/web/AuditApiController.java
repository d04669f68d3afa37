package org.opensupervision.audit.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.opensupervision.audit.AuditTrail;
import org.opensupervision.audit.CaseTimeline;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Staff read a case's audit chain check, its timeline and its dossier. Login required. */
@RestController
class AuditApiController {

    private final AuditTrail trail;
    private final CaseTimeline timeline;
    private final Problems problems;

    AuditApiController(AuditTrail trail, CaseTimeline timeline, Problems problems) {
        this.trail = trail;
        this.timeline = timeline;
        this.problems = problems;
    }

    @Operation(summary = "Verify a case's audit chain", description = "intact, entries, and the first broken link")
    @GetMapping("/api/complaints/{trackingNumber}/audit/verify")
    ResponseEntity<?> verify(@PathVariable String trackingNumber, Locale locale) {
        return ifExists(trackingNumber, locale, () -> ResponseEntity.ok(trail.verify(trackingNumber)));
    }

    @Operation(summary = "A case's timeline", description = "Camunda history merged with the audit trail, oldest first")
    @GetMapping("/api/complaints/{trackingNumber}/timeline")
    ResponseEntity<?> timeline(@PathVariable String trackingNumber, Locale locale) {
        return ifExists(trackingNumber, locale, () -> ResponseEntity.ok(timeline.of(trackingNumber)));
    }

    @Operation(summary = "Export a case's dossier as JSON",
            description = "facts (no contact data), ratings, timeline, the full audit trail and its verification")
    @GetMapping("/api/complaints/{trackingNumber}/dossier")
    ResponseEntity<?> dossier(@PathVariable String trackingNumber, Locale locale) {
        return ifExists(trackingNumber, locale, () -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + trackingNumber
                        + ".json\"")
                .body(timeline.dossier(trackingNumber)));
    }

    private ResponseEntity<?> ifExists(String trackingNumber, Locale locale, Supplier<ResponseEntity<?>> answer) {
        if (!timeline.exists(trackingNumber)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
        }
        return answer.get();
    }
}
