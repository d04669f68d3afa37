package org.opensupervision.tracking;

import java.util.Locale;
import java.util.function.Function;

import org.opensupervision.rating.CitizenRatings;
import org.opensupervision.rating.RatingRejectedException;
import org.opensupervision.rating.RatingSubmission;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/** The complainant's own view of the case, and rating through it; no login, tracking number + access code. */
@RestController
class PublicTrackingController {

    static final String ACCESS_CODE_HEADER = "X-Access-Code";
    private static final java.net.URI PUBLIC_COMPLAINTS = java.net.URI.create("/api/public/complaints");

    private final PublicTracking tracking;
    private final CitizenTimeline timeline;
    private final CitizenRatings ratings;
    private final Problems problems;

    PublicTrackingController(PublicTracking tracking, CitizenTimeline timeline, CitizenRatings ratings,
                             Problems problems) {
        this.tracking = tracking;
        this.timeline = timeline;
        this.ratings = ratings;
        this.problems = problems;
    }

    @Operation(summary = "Track a complaint (citizen)", description = "Access code in the X-Access-Code header. "
            + "A wrong code answers exactly like an unknown number (404); repeated wrong codes are throttled (429).")
    @GetMapping("/api/public/complaints/{trackingNumber}")
    ResponseEntity<?> track(@PathVariable String trackingNumber,
                            @RequestHeader(value = ACCESS_CODE_HEADER, required = false) String accessCode,
                            HttpServletRequest request, Locale locale) {
        return withCase(trackingNumber, accessCode, request, locale,
                found -> ResponseEntity.ok(timeline.of(found.complaint())));
    }

    @Operation(summary = "Rate the handling (citizen, through tracking number and access code)",
            description = "level 1..5 (5 = 非常满意), comment, answers to the questionnaire. One rating per round.")
    @PostMapping("/api/public/complaints/{trackingNumber}/rating")
    ResponseEntity<?> rate(@PathVariable String trackingNumber,
                           @RequestHeader(value = ACCESS_CODE_HEADER, required = false) String accessCode,
                           @RequestBody RatingSubmission submission, HttpServletRequest request, Locale locale) {
        return withCase(trackingNumber, accessCode, request, locale, found -> {
            try {
                ratings.submitAsComplainant(found.complaint().trackingNumber(), submission);
                return ResponseEntity.noContent().build();
            } catch (RatingRejectedException ex) {
                return RatingProblems.answer(ex, problems, locale);
            }
        });
    }

    private ResponseEntity<?> withCase(String trackingNumber, String accessCode, HttpServletRequest request,
                                       Locale locale, Function<PublicTracking.Lookup.Found, ResponseEntity<?>> then) {
        PublicTracking.Lookup lookup = tracking.lookup(trackingNumber, accessCode, request.getRemoteAddr());
        if (lookup instanceof PublicTracking.Lookup.Throttled throttled) {
            ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, RatingProblems.THROTTLED,
                    "problem.throttled", locale);
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds())).body(problem);
        }
        if (lookup instanceof PublicTracking.Lookup.Found found) {
            return then.apply(found);
        }
        ProblemDetail notFound = problems.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "problem.tracking.notFound", locale);
        // Not the request path: the answer must not even echo which number was asked for.
        notFound.setInstance(PUBLIC_COMPLAINTS);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound);
    }
}
