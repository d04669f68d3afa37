package org.opensupervision.tracking;

import java.util.Locale;
import java.util.Map;

import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingRejectedException;
import org.opensupervision.rating.RatingSubmission;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Rating through the signed, single-use, expiring link from the mail. */
@RestController
class RatingLinkController {

    private final CitizenRatings ratings;
    private final Problems problems;

    RatingLinkController(CitizenRatings ratings, Problems problems) {
        this.ratings = ratings;
        this.problems = problems;
    }

    @Operation(summary = "What a rating link is for: the round, its deadline and the questionnaire")
    @GetMapping("/api/public/ratings/{token}")
    ResponseEntity<?> show(@PathVariable String token, Locale locale) {
        return ratings.roundOfLink(token).<ResponseEntity<?>>map(r -> ResponseEntity.ok(Map.of(
                        "trackingNumber", r.getTrackingNumber(), "round", r.getRound(), "dueAt", r.getDueAt(),
                        "questions", ratings.questions())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.problem(
                        HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.rating.invalidLink", locale)));
    }

    @Operation(summary = "Rate through the link (once)")
    @PostMapping("/api/public/ratings/{token}")
    ResponseEntity<?> rate(@PathVariable String token, @RequestBody RatingSubmission submission, Locale locale) {
        try {
            ratings.submitWithLink(token, submission);
            return ResponseEntity.noContent().build();
        } catch (RatingRejectedException ex) {
            return RatingProblems.answer(ex, problems, locale);
        }
    }
}
