package org.opensupervision.approval.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.opensupervision.approval.ApprovalCatalogue;
import org.opensupervision.approval.ApprovalItem;
import org.opensupervision.approval.CatalogueCsv;
import org.opensupervision.approval.CatalogueRejected;
import org.opensupervision.approval.CatalogueRow;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approval item catalogue: read by staff and the departments' systems, loaded by the supervision office. */
@RestController
class ApprovalItemController {

    private final ApprovalCatalogue catalogue;
    private final Problems problems;

    ApprovalItemController(ApprovalCatalogue catalogue, Problems problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    @Operation(summary = "The catalogue: the latest version of every item, of one department or all")
    @GetMapping("/api/approval-items")
    List<ItemView> items(@RequestParam(required = false) String department) {
        return catalogue.items(department == null || department.isBlank() ? null : department).stream()
                .map(ItemView::of).toList();
    }

    @Operation(summary = "Every version of one item, oldest first")
    @GetMapping("/api/approval-items/{itemCode}/versions")
    List<ItemView> versions(@PathVariable String itemCode) {
        return catalogue.versions(itemCode).stream().map(ItemView::of).toList();
    }

    @Operation(summary = "Load catalogue items (JSON list); all or nothing", description = "A changed item becomes a new "
            + "version that applies to cases starting after it; an unchanged one makes none. A bad row refuses the "
            + "whole list: 400 with errors [{row (from 1), field, code, message}].")
    @PostMapping(value = "/api/approval-items", consumes = "application/json")
    LoadResult loadJson(@RequestBody List<CatalogueRow> rows, Authentication login) {
        return LoadResult.of(catalogue.load(rows, 1, login.getName()));
    }

    @Operation(summary = "Load a catalogue CSV file (UTF-8, header line); all or nothing", description = "Columns: "
            + "itemCode, name, departmentCode, caseType (IMMEDIATE/PROMISED/REPORTED), statutoryLimitWorkingDays, "
            + "promisedLimitWorkingDays, acceptanceLimitWorkingDays, reviewLimitWorkingDays, decisionLimitWorkingDays, "
            + "maxStopWorkingDays (these four may be empty), onlineRequired. Errors name the line (header = 1).")
    @PostMapping(value = "/api/approval-items", consumes = "text/csv")
    LoadResult loadCsv(@RequestBody String csv, Authentication login) {
        return LoadResult.of(catalogue.load(CatalogueCsv.parse(csv), 2, login.getName()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(CatalogueRejected rejected, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "problem.approval.catalogue", locale);
        problem.setProperty("errors", rejected.errors().stream().map(e -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("row", e.row());
            error.put("field", e.field());
            error.put("code", e.code());
            error.put("message", e.message());
            return error;
        }).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    /** The answer to a load: the versions it created. */
    record LoadResult(int created, List<ItemView> versions) {
        static LoadResult of(List<ApprovalItem> created) {
            return new LoadResult(created.size(), created.stream().map(ItemView::of).toList());
        }
    }

    /** One catalogue item as the contract names it. */
    record ItemView(String itemCode, String name, String departmentCode, String caseType,
                    int statutoryLimitWorkingDays, int promisedLimitWorkingDays, Integer acceptanceLimitWorkingDays,
                    Integer reviewLimitWorkingDays, Integer decisionLimitWorkingDays, int maxStopWorkingDays,
                    boolean onlineRequired, int version, java.time.Instant loadedAt) {
        static ItemView of(ApprovalItem i) {
            return new ItemView(i.itemCode(), i.name(), i.departmentCode(), i.caseType().name(),
                    i.statutoryLimitWorkingDays(), i.promisedLimitWorkingDays(), i.acceptanceLimitWorkingDays(),
                    i.reviewLimitWorkingDays(), i.decisionLimitWorkingDays(), i.maxStopWorkingDays(),
                    i.onlineRequired(), i.version(), i.loadedAt());
        }
    }
}
