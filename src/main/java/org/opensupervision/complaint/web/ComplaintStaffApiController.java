package org.opensupervision.complaint.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.ApprovalCaseLookup;
import org.opensupervision.complaint.ComplaintAccess;
import org.opensupervision.complaint.ComplaintFacts;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.privacy.ComplainantContacts;
import org.opensupervision.privacy.ContactVisibility;
import org.opensupervision.privacy.StaffContact;
import org.opensupervision.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Staff read complaints: one by tracking number, or a filtered, sorted, paged list. Login required; each login sees
 * only the cases of its scope (a department its own cases, the supervision office all).
 */
@RestController
class ComplaintStaffApiController {

    private final ComplaintRecords records;
    private final ComplaintAccess scoped;
    private final WorkingDayCalendar calendar;
    private final Problems problems;
    private final ComplainantContacts contacts;
    private final Clock clock;
    private final ObjectProvider<ApprovalCaseLookup> approvalCases;

    ComplaintStaffApiController(ComplaintRecords records, ComplaintAccess scoped, WorkingDayCalendar calendar,
                                Problems problems, ComplainantContacts contacts, Clock clock,
                                ObjectProvider<ApprovalCaseLookup> approvalCases) {
        this.approvalCases = approvalCases;
        this.records = records;
        this.scoped = scoped;
        this.contacts = contacts;
        this.calendar = calendar;
        this.problems = problems;
        this.clock = clock;
    }

    @Operation(summary = "List complaints", description = "Filters: department, status, category, from, to "
            + "(days in China Standard Time, inclusive), overdue, q (tracking number or title). Sort: "
            + "sort=field,asc|desc on submittedAt, firstFeedbackDueAt, handlingDueAt, status, priority, "
            + "trackingNumber, departmentCode, category. Paging: page (from 0), size (at most 100). The total is "
            + "counted up to 1,000 (supervision.staff-list.count-limit): totalElements is exact when totalCapped is "
            + "false, a lower bound when it is true; hasNext says whether another page follows.")
    @GetMapping("/api/complaints")
    ResponseEntity<?> list(ComplaintListRequest request, Authentication login, Locale locale) {
        if (!request.sortIsValid()) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("sort", request.sort(), "unknownField",
                    ComplaintListRequest.SORT_FIELDS.toString(), locale));
        }
        if (!request.pageIsValid()) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("page", request.page(), "tooLarge",
                    "≤ " + ComplaintListRequest.MAX_PAGE, locale));
        }
        Instant now = clock.instant();
        var page = scoped.search(login, request.query(calendar.zone()), request.pageable());
        // Complainant privacy: the supervision office, or a reveal of the case (each such view is audited).
        Map<String, StaffContact> shown = contacts.forStaff(login,
                page.getContent().stream().map(ComplaintFacts::trackingNumber).toList(), ContactVisibility.Channel.API);
        var views = page.map(c -> ComplaintView.of(c, now, null, shown.get(c.trackingNumber())));
        return ResponseEntity.ok(PageView.of(views, request.sort()));
    }

    @Operation(summary = "Read one complaint, with its missed deadlines and the approval case it names",
            description = "404 also for a case outside the caller's scope (another department's). approvalCase: the "
                    + "approval case whose id is the complaint's approvalCaseNumber (status, both limits, cards), "
                    + "when it exists and the caller may read it (as GET /api/approval-cases/{caseId}); else absent.")
    @GetMapping("/api/complaints/{trackingNumber}")
    ResponseEntity<?> one(@PathVariable String trackingNumber, Authentication login, Locale locale) {
        return scoped.find(login, trackingNumber)
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(view(c, login)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale)));
    }

    private ComplaintView view(ComplaintFacts c, Authentication user) {
        ComplaintView view = ComplaintView.of(c, clock.instant(), records.breachesOf(c.trackingNumber()),
                contacts.forStaff(user, c.trackingNumber(), ContactVisibility.Channel.API));
        ApprovalCaseLookup lookup = approvalCases.getIfAvailable();
        return lookup == null ? view
                : view.withApprovalCase(lookup.find(c.approvalCaseNumber(), user).orElse(null));
    }
}
