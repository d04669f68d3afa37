package org.opensupervision.evaluation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.CorrectionRequest;
import org.opensupervision.evaluation.DepartmentResult;
import org.opensupervision.evaluation.EvaluationPeriod;
import org.opensupervision.evaluation.EvaluationRejected;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.EvaluationRuleBook;
import org.opensupervision.evaluation.EvaluationRules;
import org.opensupervision.evaluation.Evaluations;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The evaluation for staff: computing a period, its draft, publishing, correcting, the scoring rules and the
 * comparison of two periods. Who may call what is set in the security configuration (docs/security.md).
 */
@RestController
class EvaluationApiController {

    private final Evaluations evaluations;
    private final EvaluationRuleBook ruleBook;
    private final DepartmentDirectory departments;
    private final Problems problems;

    EvaluationApiController(Evaluations evaluations, EvaluationRuleBook ruleBook, DepartmentDirectory departments,
                            Problems problems) {
        this.evaluations = evaluations;
        this.ruleBook = ruleBook;
        this.departments = departments;
        this.problems = problems;
    }

    @Operation(summary = "Compute (or recompute) a period not yet published",
            description = "Supervision and evaluation offices. Every department, with the latest scoring rules and "
                    + "the corrections of the draft; the same data give the same numbers. 409 once published.")
    @PostMapping("/api/evaluations/{period}/compute")
    ResponseEntity<?> compute(@PathVariable String period, Authentication login, Locale locale) {
        return run(period, locale, p -> evaluations.compute(p, login.getName()));
    }

    @Operation(summary = "The latest version of a period, draft or published (staff)")
    @GetMapping("/api/evaluations/{period}")
    ResponseEntity<?> latest(@PathVariable String period, Locale locale) {
        Optional<EvaluationPeriod> p = EvaluationPeriod.parse(period);
        if (p.isEmpty()) {
            return invalidPeriod(period, locale);
        }
        return evaluations.latest(p.get()).<ResponseEntity<?>>map(r -> ResponseEntity.ok(view(r, locale)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "problem.evaluationNotComputed", locale));
    }

    @Operation(summary = "Publish the draft of a period (evaluation office)")
    @PostMapping("/api/evaluations/{period}/publish")
    ResponseEntity<?> publish(@PathVariable String period, Authentication login, Locale locale) {
        return run(period, locale, p -> evaluations.publish(p, login.getName()));
    }

    @Operation(summary = "Correct one figure with a reason (evaluation office)",
            description = "Body: {departmentCode, indicator, numerator, denominator, reason}. Before publication the "
                    + "draft is recomputed with it; after publication a new published version is made and the "
                    + "earlier one stays readable. The original figures are kept and the correction is audited.")
    @PostMapping("/api/evaluations/{period}/corrections")
    ResponseEntity<?> correct(@PathVariable String period, @RequestBody CorrectionRequest request,
                              Authentication login, Locale locale) {
        return run(period, locale, p -> evaluations.correct(p, request, login.getName()));
    }

    @Operation(summary = "The scoring rules in force (or ?version=n)")
    @GetMapping("/api/evaluations/rules")
    ResponseEntity<?> rules(@RequestParam(required = false) Integer version, Locale locale) {
        if (version == null) {
            return ResponseEntity.ok(ruleBook.current());
        }
        return ruleBook.version(version).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.notFound(locale)));
    }

    /** A new version of the rules and why. */
    record RuleChange(EvaluationRules rules, String reason) {
    }

    @Operation(summary = "Add a version of the scoring rules (evaluation office; audited)",
            description = "Body: {rules: {weights, minimumSamples, ceilings, deductionPoints, excellentFrom, "
                    + "goodFrom, passFrom}, reason}. Validated field by field; the next computation uses it.")
    @PostMapping("/api/evaluations/rules")
    ResponseEntity<?> changeRules(@RequestBody RuleChange change, Authentication login, Locale locale) {
        if (change == null || change.rules() == null) {
            return ResponseEntity.badRequest().body(problems.validation(List.of(Map.of("field", "rules", "code",
                    "required", "message", "须给出规则 / The rules are required")), locale));
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(ruleBook.change(change.rules(), login.getName(), change.reason()));
        } catch (EvaluationRejected rejected) {
            return rejection(rejected, locale);
        }
    }

    /** One department in two periods. */
    record ComparisonRow(String departmentCode, String departmentName, BigDecimal scoreA, Integer rankA,
                         BigDecimal scoreB, Integer rankB, BigDecimal difference) {
    }

    record Comparison(String a, String statusA, String b, String statusB, List<ComparisonRow> departments) {
    }

    @Operation(summary = "Compare two periods (staff): each department's score and rank in both, and the difference")
    @GetMapping("/api/evaluations/compare")
    ResponseEntity<?> compare(@RequestParam String a, @RequestParam String b, Locale locale) {
        Optional<EvaluationPeriod> pa = EvaluationPeriod.parse(a);
        Optional<EvaluationPeriod> pb = EvaluationPeriod.parse(b);
        if (pa.isEmpty()) {
            return invalidPeriod(a, locale);
        }
        if (pb.isEmpty()) {
            return invalidPeriod(b, locale);
        }
        Optional<EvaluationResult> ra = evaluations.latest(pa.get());
        Optional<EvaluationResult> rb = evaluations.latest(pb.get());
        if (ra.isEmpty() || rb.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "problem.evaluationNotComputed", locale);
        }
        return ResponseEntity.ok(compare(ra.get(), rb.get(), departments, PublishedRankings.isEnglish(locale)));
    }

    static Comparison compare(EvaluationResult a, EvaluationResult b, DepartmentDirectory directory,
                              boolean english) {
        List<ComparisonRow> rows = new ArrayList<>();
        for (DepartmentResult da : a.departments()) {
            DepartmentResult db = b.department(da.departmentCode()).orElse(null);
            BigDecimal sb = db == null ? null : db.score();
            rows.add(new ComparisonRow(da.departmentCode(), RankingView.name(directory, da.departmentCode(), english),
                    da.score(), da.rank(), sb, db == null ? null : db.rank(),
                    da.score() == null || sb == null ? null : sb.subtract(da.score())));
        }
        return new Comparison(a.period(), a.status(), b.period(), b.status(), rows);
    }

    private RankingView view(EvaluationResult result, Locale locale) {
        return RankingView.of(result, departments, PublishedRankings.isEnglish(locale), true);
    }

    private ResponseEntity<?> run(String period, Locale locale,
                                  java.util.function.Function<EvaluationPeriod, EvaluationResult> step) {
        Optional<EvaluationPeriod> p = EvaluationPeriod.parse(period);
        if (p.isEmpty()) {
            return invalidPeriod(period, locale);
        }
        try {
            return ResponseEntity.ok(view(step.apply(p.get()), locale));
        } catch (EvaluationRejected rejected) {
            return rejection(rejected, locale);
        } catch (DuplicateKeyException concurrent) {
            // The first computation of a period, by the process and by a person at the same moment: one wins.
            return problem(HttpStatus.CONFLICT, "problem.evaluationBusy", locale);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ResponseEntity<?> rejection(EvaluationRejected rejected, Locale locale) {
        return switch (rejected.reason()) {
            case ALREADY_PUBLISHED -> problem(HttpStatus.CONFLICT, "problem.evaluationPublished", locale);
            case NOT_COMPUTED -> problem(HttpStatus.NOT_FOUND, "problem.evaluationNotComputed", locale);
            case INVALID -> ResponseEntity.badRequest().body(problems.validation((List) rejected.errors(), locale));
        };
    }

    private ResponseEntity<?> problem(HttpStatus status, String key, Locale locale) {
        return ResponseEntity.status(status).body(problems.problem(status,
                status == HttpStatus.CONFLICT ? ProblemTypes.CONFLICT : ProblemTypes.NOT_FOUND, key, locale));
    }

    private ResponseEntity<?> invalidPeriod(String period, Locale locale) {
        return ResponseEntity.badRequest().body(problems.invalidParameter("period", period, "invalidPeriod",
                "yyyy-MM | yyyy", locale));
    }
}
