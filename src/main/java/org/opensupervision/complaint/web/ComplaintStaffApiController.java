package org.opensupervision.complaint.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.opensupervision.calendar.WorkingDayCalendar;
import org.opensupervision.complaint.Complaint;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.web.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Staff read complaints: one by tracking number, or a filtered, sorted, paged list. Login required. */
@RestController
class ComplaintStaffApiController {

    private final ComplaintRecords records;
    private final WorkingDayCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    ComplaintStaffApiController(ComplaintRecords records, WorkingDayCalendar calendar, MessageSource messages,
                                Clock clock) {
        this.records = records;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "List complaints", description = "Filters: department, status, category, from, to "
            + "(days in China Standard Time, inclusive), overdue, q (tracking number or title). Sort: "
            + "sort=field,asc|desc on submittedAt, firstFeedbackDueAt, handlingDueAt, status, priority, "
            + "trackingNumber, departmentCode, category. Paging: page (from 0), size (at most 100).")
    @GetMapping("/api/complaints")
    ResponseEntity<?> list(ComplaintListRequest request, java.util.Locale locale) {
        if (!request.sortIsValid()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    messages.getMessage("problem.validation", null, locale));
            problem.setType(ProblemTypes.VALIDATION);
            problem.setTitle(messages.getMessage("problem.validation.title", null, locale));
            problem.setProperty("errors", List.of(Map.of("field", "sort", "code", "unknownField",
                    "message", messages.getMessage("problem.parameter.invalid", new Object[] {request.sort()},
                            locale) + " " + ComplaintListRequest.SORT_FIELDS)));
            return ResponseEntity.badRequest().body(problem);
        }
        Instant now = clock.instant();
        var page = records.search(request.query(calendar.zone()), request.pageable())
                .map(c -> ComplaintView.of(c, now, null));
        return ResponseEntity.ok(PageView.of(page, request.sort()));
    }

    @Operation(summary = "Read one complaint, with its missed deadlines")
    @GetMapping("/api/complaints/{trackingNumber}")
    ResponseEntity<?> one(@PathVariable String trackingNumber, java.util.Locale locale) {
        return records.find(trackingNumber)
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(view(c)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                            messages.getMessage("problem.notFound", null, locale));
                    problem.setType(ProblemTypes.NOT_FOUND);
                    problem.setTitle(messages.getMessage("problem.notFound.title", null, locale));
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }

    private ComplaintView view(Complaint c) {
        return ComplaintView.of(c, clock.instant(), records.breachesOf(c));
    }
}
