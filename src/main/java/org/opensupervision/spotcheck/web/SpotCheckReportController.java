package org.opensupervision.spotcheck.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
        StringBuilder csv = new StringBuilder(
                "round,period_start,period_end,seed,department_code,department_name,sampled,checked,passed,"
                        + "discrepancies,rectified,pass_rate_percent\r\n");
        for (DepartmentSpotCheckRow row : spotChecks.report(roundId)) {
            csv.append(round.getId()).append(',').append(round.getPeriodStart()).append(',')
                    .append(round.getPeriodEnd()).append(',').append(round.getSeed()).append(',')
                    .append(row.departmentCode()).append(',').append(quoted(row.departmentName())).append(',')
                    .append(row.sampled()).append(',').append(row.checked()).append(',').append(row.passed())
                    .append(',').append(row.discrepancies()).append(',').append(row.rectified()).append(',')
                    .append(row.passRate() == null ? "" : row.passRate()).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"spot-check-round-" + roundId + ".csv\"")
                .body(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
    }

    private SpotCheckRound find(Long roundId) {
        return spotChecks.round(roundId)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
