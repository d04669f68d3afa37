package org.opensupervision.tracking;

import java.net.URI;
import java.util.Locale;

import org.opensupervision.rating.RatingRejectedException;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Problem details of the public tracking and rating endpoints. */
final class RatingProblems {

    static final URI THROTTLED = URI.create("urn:opensupervision:problem:too-many-attempts");
    static final URI RATING_NOT_OPEN = URI.create("urn:opensupervision:problem:rating-not-open");

    private RatingProblems() {
    }

    static ResponseEntity<?> answer(RatingRejectedException ex, Problems problems, Locale locale) {
        return switch (ex.reason()) {
            case INVALID -> ResponseEntity.badRequest().body(problems.validation(ex.fieldErrors(), locale));
            case INVALID_LINK -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(problems.problem(
                    HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.rating.invalidLink", locale));
            case NOT_OPEN -> ResponseEntity.status(HttpStatus.CONFLICT).body(problems.problem(HttpStatus.CONFLICT,
                    RATING_NOT_OPEN, "problem.rating.notOpen", locale));
        };
    }
}
