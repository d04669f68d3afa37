package org.opensupervision.complaint.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.privacy.ContactReveal;
import org.opensupervision.privacy.ContactRevealView;
import org.opensupervision.privacy.ContactReveals;
import org.opensupervision.privacy.ContactVisibility;
import org.opensupervision.web.ControlCharacters;
import org.opensupervision.web.Problems;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The supervision office reveals a complainant's contact data of one case to a department (or one user), with a
 * reason, lists the grants with who viewed the data, and revokes grants. Nobody else may call these endpoints.
 */
@RestController
class ContactRevealController {

    static final URI FORBIDDEN = URI.create("urn:opensupervision:problem:forbidden");
    static final int MAX_REASON = 1000;

    private final ComplaintRecords records;
    private final ContactReveals reveals;
    private final ContactVisibility visibility;
    private final DepartmentDirectory departments;
    private final IdentityService identity;
    private final Problems problems;

    ContactRevealController(ComplaintRecords records, ContactReveals reveals, ContactVisibility visibility,
                            DepartmentDirectory departments, IdentityService identity, Problems problems) {
        this.records = records;
        this.reveals = reveals;
        this.visibility = visibility;
        this.departments = departments;
        this.identity = identity;
        this.problems = problems;
    }

    /** What the supervision office sends. Without a department and a user, the case's handling department. */
    record RevealRequest(String reason, String departmentCode, String userId) {
    }

    record GrantView(long id, String trackingNumber, String departmentCode, String userId, String reason,
                     String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt, boolean active) {

        static GrantView of(ContactReveal r) {
            return new GrantView(r.getId(), r.getTrackingNumber(), r.getDepartmentCode(), r.getUserId(),
                    r.getReason(), r.getGrantedBy(), r.getGrantedAt(), r.getRevokedBy(), r.getRevokedAt(),
                    r.isActive());
        }
    }

    record ViewRecord(long revealId, String viewer, String channel, Instant viewedAt) {

        static ViewRecord of(ContactRevealView v) {
            return new ViewRecord(v.getRevealId(), v.getViewer(), v.getChannel().name(), v.getViewedAt());
        }
    }

    record GrantsView(String trackingNumber, List<GrantView> grants, List<ViewRecord> views) {
    }

    @Operation(summary = "Reveal the complainant's contact data of one case to a department or a user",
            description = "Supervision office only. A reason is mandatory; without departmentCode and userId the "
                    + "department handling the case is meant. Audited.")
    @PostMapping(path = "/api/complaints/{trackingNumber}/contact-reveals", consumes = "application/json")
    ResponseEntity<?> grant(@PathVariable String trackingNumber, @RequestBody RevealRequest request,
                            Authentication user, Locale locale) {
        if (!visibility.isSupervisionOffice(user)) {
            return forbidden(locale);
        }
        ComplaintFacts complaint = records.find(trackingNumber).orElse(null);
        if (complaint == null) {
            return notFound(locale);
        }
        List<Map<String, Object>> errors = validate(request, locale);
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(problems.validation(errors, locale));
        }
        String userId = blankToNull(request.userId());
        String department = blankToNull(request.departmentCode());
        if (userId == null && department == null) {
            department = complaint.responsibleDepartmentCode();
        }
        ContactReveal reveal = reveals.grant(trackingNumber, department, userId, request.reason(), user.getName());
        return ResponseEntity.created(URI.create("/api/complaints/" + trackingNumber + "/contact-reveals/"
                + reveal.getId())).body(GrantView.of(reveal));
    }

    @Operation(summary = "The contact reveals of one case, with every view of revealed data",
            description = "Supervision office only.")
    @GetMapping("/api/complaints/{trackingNumber}/contact-reveals")
    ResponseEntity<?> list(@PathVariable String trackingNumber, Authentication user, Locale locale) {
        if (!visibility.isSupervisionOffice(user)) {
            return forbidden(locale);
        }
        if (records.find(trackingNumber).isEmpty()) {
            return notFound(locale);
        }
        return ResponseEntity.ok(new GrantsView(trackingNumber,
                reveals.of(trackingNumber).stream().map(GrantView::of).toList(),
                reveals.viewsOf(trackingNumber).stream().map(ViewRecord::of).toList()));
    }

    @Operation(summary = "Revoke a contact reveal", description = "Supervision office only. Revoking twice is "
            + "harmless; the first revocation is kept.")
    @DeleteMapping("/api/complaints/{trackingNumber}/contact-reveals/{id}")
    ResponseEntity<?> revoke(@PathVariable String trackingNumber, @PathVariable long id, Authentication user,
                             Locale locale) {
        if (!visibility.isSupervisionOffice(user)) {
            return forbidden(locale);
        }
        return reveals.revoke(trackingNumber, id, user.getName())
                .<ResponseEntity<?>>map(r -> ResponseEntity.noContent().build())
                .orElseGet(() -> notFound(locale));
    }

    private static final String CONTROL_CHARACTERS = "field." + ControlCharacters.CODE;

    private List<Map<String, Object>> validate(RevealRequest request, Locale locale) {
        List<Map<String, Object>> errors = new ArrayList<>();
        String reason = blankToNull(request.reason());
        if (reason == null) {
            errors.add(error("reason", "contactReveal.reason.required", locale));
        } else if (reason.length() > MAX_REASON) {
            errors.add(error("reason", "contactReveal.reason.tooLong", locale, MAX_REASON));
        } else if (ControlCharacters.inText(reason)) {
            errors.add(error("reason", CONTROL_CHARACTERS, locale));
        }
        String department = blankToNull(request.departmentCode());
        String userId = blankToNull(request.userId());
        if (ControlCharacters.inLine(department) || ControlCharacters.inLine(userId)) {
            // Not looked up: PostgreSQL refuses a NUL in a query parameter.
            errors.add(error(ControlCharacters.inLine(userId) ? "userId" : "departmentCode", CONTROL_CHARACTERS,
                    locale));
            return errors;
        }
        if (department != null && userId != null) {
            errors.add(error("userId", "contactReveal.grantee.both", locale));
        }
        if (department != null && departments.find(department).isEmpty()) {
            errors.add(error("departmentCode", "contactReveal.departmentCode.unknown", locale));
        }
        if (userId != null && identity.createUserQuery().userId(userId).count() == 0) {
            errors.add(error("userId", "contactReveal.userId.unknown", locale));
        }
        return errors;
    }

    private Map<String, Object> error(String field, String code, Locale locale, Object... arguments) {
        String message = problems.message(new DefaultMessageSourceResolvable(new String[] {code}, arguments), locale);
        return Map.of("field", field, "code", code, "message", message);
    }

    private ResponseEntity<?> forbidden(Locale locale) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problems.problem(HttpStatus.FORBIDDEN, FORBIDDEN, "problem.contactReveal.forbidden", locale));
    }

    private ResponseEntity<?> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
    }

    /**
     * Whitespace removed, not every character up to U+0020 as {@code trim()} does: a reason of a lone NUL was trimmed
     * to nothing here, passed the control-character check, and was stored as it came (PostgreSQL: a 500).
     */
    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
