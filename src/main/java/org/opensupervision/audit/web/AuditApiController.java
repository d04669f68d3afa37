package org.opensupervision.audit.web;

import org.opensupervision.complaint.ComplaintAccess;
import org.springframework.security.core.Authentication;
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

/** Staff read a case's audit chain check, its timeline and its dossier: login required, the case in their scope. */
@RestController
class AuditApiController {

    private final AuditTrail trail;
    private final CaseTimeline timeline;
    private final Problems problems;
    private final ComplaintAccess access;

    AuditApiController(AuditTrail trail, CaseTimeline timeline, Problems problems, ComplaintAccess access) {
        this.trail = trail;
        this.timeline = timeline;
        this.problems = problems;
        this.access = access;
    }

    @Operation(summary = "Verify a case's audit chain", description = "intact, entries, and the first broken link")
    @GetMapping("/api/complaints/{trackingNumber}/audit/verify")
    ResponseEntity<?> verify(@PathVariable String trackingNumber, Authentication login, Locale locale) {
        return ifVisible(login, trackingNumber, locale, () -> ResponseEntity.ok(trail.verify(trackingNumber)));
    }

    @Operation(summary = "A case's timeline", description = "Read from the audit trail, oldest first")
    @GetMapping("/api/complaints/{trackingNumber}/timeline")
    ResponseEntity<?> timeline(@PathVariable String trackingNumber, Authentication login, Locale locale) {
        return ifVisible(login, trackingNumber, locale, () -> ResponseEntity.ok(timeline.of(trackingNumber)));
    }

    @Operation(summary = "Export a case's dossier as JSON",
            description = "facts (no contact data), ratings, timeline, the full audit trail and its verification")
    @GetMapping("/api/complaints/{trackingNumber}/dossier")
    ResponseEntity<?> dossier(@PathVariable String trackingNumber, Authentication login, Locale locale) {
        return ifVisible(login, trackingNumber, locale, () -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier-" + trackingNumber
                        + ".json\"")
                .body(timeline.dossier(trackingNumber)));
    }

    /** Another department's case, like an unknown one, is 404 (docs/security.md). */
    private ResponseEntity<?> ifVisible(Authentication login, String trackingNumber, Locale locale,
                                        Supplier<ResponseEntity<?>> answer) {
        if (access.find(login, trackingNumber).isEmpty() || !timeline.exists(trackingNumber)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
        }
        return answer.get();
    }
}
