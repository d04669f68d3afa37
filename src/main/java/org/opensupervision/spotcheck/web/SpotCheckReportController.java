package org.opensupervision.spotcheck.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opensupervision.spotcheck.DepartmentSpotCheckRow;
import org.opensupervision.spotcheck.SpotCheckRound;
import org.opensupervision.spotcheck.SpotChecks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The spot-check report per round: counts and pass rate per department, as a staff page and as CSV. */
@Controller
class SpotCheckReportController {

    /** RFC 4180 (CRLF, quotes where a value needs them) with the report's header line. */
    private static final CSVFormat REPORT = CSVFormat.RFC4180.builder()
            .setHeader("round", "period_start", "period_end", "seed", "department_code", "department_name", "sampled",
                    "checked", "passed", "discrepancies", "rectified", "pass_rate_percent")
            .get();

    private final SpotChecks spotChecks;

    SpotCheckReportController(SpotChecks spotChecks) {
        this.spotChecks = spotChecks;
    }

    @GetMapping("/staff/spot-checks")
    String report(@RequestParam(required = false) Long round, Model model) {
        List<SpotCheckRound> rounds = spotChecks.rounds();
        SpotCheckRound selected = round == null ? rounds.stream().findFirst().orElse(null) : find(round);
        model.addAttribute("rounds", rounds);
        model.addAttribute("round", selected);
        if (selected != null) {
            model.addAttribute("rows", spotChecks.report(selected.getId()));
            model.addAttribute("samples", spotChecks.samples(selected.getId()));
        }
        return "staff/spot-checks";
    }

    @GetMapping(value = "/staff/spot-checks/{roundId}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable Long roundId) {
        SpotCheckRound round = find(roundId);
        StringWriter text = new StringWriter();
        // The byte-order mark lets spreadsheet programs open the UTF-8 file with the Chinese names intact.
        text.write('\uFEFF');
        try (CSVPrinter csv = REPORT.print(text)) {
            for (DepartmentSpotCheckRow row : spotChecks.report(roundId)) {
                csv.printRecord(round.getId(), round.getPeriodStart(), round.getPeriodEnd(), round.getSeed(),
                        row.departmentCode(), row.departmentName(), row.sampled(), row.checked(), row.passed(),
                        row.discrepancies(), row.rectified(), row.passRate());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"spot-check-round-" + roundId + ".csv\"")
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private SpotCheckRound find(Long roundId) {
        return spotChecks.round(roundId)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }
}
