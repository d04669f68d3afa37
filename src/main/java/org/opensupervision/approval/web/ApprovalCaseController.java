package org.opensupervision.approval.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.opensupervision.approval.ApprovalCaseQuery;
import org.opensupervision.approval.ApprovalCases;
import org.opensupervision.approval.CardColour;
import org.opensupervision.approval.CardContestRejected;
import org.opensupervision.approval.CardContests;
import org.opensupervision.approval.CaseStatus;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff read approval cases: one with its clocks, cards and events; the list; the live supervision view. */
@RestController
class ApprovalCaseController {

    private static final int MAX_SIZE = 100;
    private static final int MAX_PAGE = 10_000;

    private final ApprovalCases cases;
    private final CardContests contests;
    private final ApprovalAccess access;
    private final Problems problems;

    ApprovalCaseController(ApprovalCases cases, CardContests contests, ApprovalAccess access, Problems problems) {
        this.cases = cases;
        this.contests = contests;
        this.access = access;
        this.problems = problems;
    }

    @Operation(summary = "One approval case: status, both limits, stopped working days, cards and events",
            description = "404 also for a case of a department outside the caller's scope.")
    @GetMapping("/api/approval-cases/{caseId}")
    ResponseEntity<?> one(@PathVariable String caseId, Authentication login, Locale locale) {
        return cases.departmentOf(caseId).filter(d -> access.mayRead(login, d)).flatMap(d -> cases.find(caseId))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale)));
    }

    @Operation(summary = "List approval cases", description = "Filters: department, card (YELLOW or RED: holds such a "
            + "card, withdrawn ones not counted), overdue (true: open, undecided, promised limit passed), status. "
            + "Newest first; page from 0, size at most 100; the total is counted up to 1,000 like the complaint list.")
    @GetMapping("/api/approval-cases")
    ResponseEntity<?> list(@RequestParam(required = false) String department,
                           @RequestParam(required = false) String card,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(required = false) String status,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                           Authentication login, Locale locale) {
        CardColour colour = parse(CardColour.class, card);
        CaseStatus caseStatus = parse(CaseStatus.class, status);
        if (card != null && !card.isBlank() && colour == null) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("card", card, "invalid",
                    "YELLOW, RED", locale));
        }
        if (status != null && !status.isBlank() && caseStatus == null) {
            return ResponseEntity.badRequest().body(problems.invalidParameter("status", status, "invalid",
                    List.of(CaseStatus.values()).toString(), locale));
        }
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_SIZE) {
            return ResponseEntity.badRequest().body(problems.invalidParameter(page < 0 || page > MAX_PAGE ? "page"
                    : "size", page < 0 || page > MAX_PAGE ? page : size, "outOfRange", null, locale));
        }
        String dept = department == null || department.isBlank() ? null : department;
        if (dept != null && !access.mayRead(login, dept)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
        }
        var result = cases.list(new ApprovalCaseQuery(dept, colour, overdue, caseStatus, page, size),
                access.readable(login));
        return ResponseEntity.ok(Map.of("content", result.getContent(), "page", result.getNumber(), "size",
                result.getSize(), "totalElements", result.getTotalElements(), "totalCapped", result.isTotalCapped(),
                "hasNext", result.hasNext()));
    }

    @Operation(summary = "Live supervision view of a department (or of the province without department)",
            description = "Open cases by stage, near the promised limit, overdue, cards this month, the share of cases "
                    + "applied for and completed online against the 50 % target, the mean share of the promised limit "
                    + "used. A department its own; the offices every department and the province.")
    @GetMapping("/api/approval-dashboard")
    ResponseEntity<?> dashboard(@RequestParam(required = false) String department, Authentication login,
                                Locale locale) {
        String dept = department == null || department.isBlank() ? null : department;
        if (dept == null ? access.readable(login) != null : !access.mayRead(login, dept)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
        }
        return ResponseEntity.ok(cases.dashboard(dept));
    }

    @Operation(summary = "Contest a card of the department's case, once, with a reason",
            description = "Handlers of the case's department only (403 for anyone else who may read it). Opens the "
                    + "supervision office's review (model approval-card-contest): 202 with the card, now CONTESTED; "
                    + "409 if it was contested or decided already; 400 without a reason.")
    @org.springframework.web.bind.annotation.PostMapping("/api/approval-cases/{caseId}/cards/{cardId}/contest")
    ResponseEntity<?> contest(@PathVariable String caseId, @PathVariable long cardId,
                              @org.springframework.web.bind.annotation.RequestBody(required = false)
                              Map<String, String> body, Authentication login, Locale locale) {
        var department = cases.departmentOf(caseId).filter(d -> access.mayRead(login, d));
        if (department.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
        }
        if (!access.handlesDepartment(login, department.get())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.problem(HttpStatus.FORBIDDEN,
                    ProblemTypes.FORBIDDEN, "problem.approval.contestForbidden", locale));
        }
        try {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(contests.contest(caseId, cardId,
                    body == null ? null : body.get("reason"), login.getName()));
        } catch (CardContestRejected rejected) {
            return switch (rejected.reason()) {
                case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale));
                case ALREADY_CONTESTED -> ResponseEntity.status(HttpStatus.CONFLICT).body(problems.problem(
                        HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "problem.approval.alreadyContested", locale));
                default -> ResponseEntity.badRequest().body(problems.validation(List.of(Map.of("field", "reason",
                        "code", "required", "message", rejected.getMessage())), locale));
            };
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
