package org.opensupervision.evaluation.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.opensupervision.department.DepartmentDirectory;
import org.opensupervision.evaluation.EvaluationResult;
import org.opensupervision.evaluation.Evaluations;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The published rankings, for anybody: JSON, CSV and XLSX of the same data. */
@RestController
class PublicRankingController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PublishedRankings rankings;
    private final Evaluations evaluations;
    private final DepartmentDirectory departments;
    private final Problems problems;

    PublicRankingController(PublishedRankings rankings, Evaluations evaluations, DepartmentDirectory departments,
                            Problems problems) {
        this.rankings = rankings;
        this.evaluations = evaluations;
        this.departments = departments;
        this.problems = problems;
    }

    @Operation(summary = "The published periods, newest first")
    @GetMapping("/api/public/rankings")
    Map<String, List<String>> periods() {
        return Map.of("periods", evaluations.publishedPeriods());
    }

    @Operation(summary = "A published month (yyyy-MM) or year (yyyy): every department's score, rank, grade, change "
            + "and indicators", description = "404 until the period is published. Without version: the latest "
            + "published version (a correction after publication is a new version, listed in corrections); with "
            + "?version=n that version, which never changes. ETag and Cache-Control; Accept-Language or ?lang=en "
            + "for English names.")
    @GetMapping("/api/public/rankings/{period:" + PublishedRankings.PERIOD + "}")
    ResponseEntity<?> ranking(@PathVariable String period, @RequestParam(required = false) Integer version,
                              @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                              Locale locale) {
        return respond(period, version, ifNoneMatch, locale, "json", MediaType.APPLICATION_JSON,
                r -> RankingView.of(r, departments, PublishedRankings.isEnglish(locale), false));
    }

    @Operation(summary = "A published period as CSV (UTF-8), one row per department and indicator")
    @GetMapping("/api/public/rankings/{period:" + PublishedRankings.PERIOD + "}.csv")
    ResponseEntity<?> csv(@PathVariable String period, @RequestParam(required = false) Integer version,
                          @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                          Locale locale) {
        return respond(period, version, ifNoneMatch, locale, "csv", CSV, r -> RankingExports.csv(
                RankingView.of(r, departments, PublishedRankings.isEnglish(locale), false)));
    }

    @Operation(summary = "A published period as an Excel workbook (XLSX): ranking, indicators, corrections")
    @GetMapping("/api/public/rankings/{period:" + PublishedRankings.PERIOD + "}.xlsx")
    ResponseEntity<?> xlsx(@PathVariable String period, @RequestParam(required = false) Integer version,
                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                           Locale locale) {
        boolean english = PublishedRankings.isEnglish(locale);
        return respond(period, version, ifNoneMatch, locale, "xlsx", XLSX,
                r -> RankingExports.xlsx(RankingView.of(r, departments, english, false), english));
    }

    private ResponseEntity<?> respond(String period, Integer version, String ifNoneMatch, Locale locale, String kind,
                                      MediaType type, java.util.function.Function<EvaluationResult, Object> body) {
        Optional<EvaluationResult> found = rankings.find(period, version);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.rankingNotPublished",
                            locale));
        }
        String etag = PublishedRankings.etag(found.get(), locale, kind);
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .cacheControl(PublishedRankings.cacheControl(version)).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).contentType(type)
                .cacheControl(PublishedRankings.cacheControl(version))
                // The language comes from ?lang, the lang cookie it sets, or Accept-Language: a shared cache must
                // keep the answers apart by the last two (the first is in the URL).
                .header(HttpHeaders.VARY, "Accept-Language, Cookie");
        if (!"json".equals(kind)) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("ranking-" + period + (version == null ? "" : "-v" + version) + "." + kind).build()
                    .toString());
        }
        return ok.body(body.apply(found.get()));
    }

    /** {@code If-None-Match}: {@code *}, or a list of tags, weak ({@code W/}) or strong, compared weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
