package org.opensupervision.intake.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opensupervision.intake.IdempotencyKeyReusedException;
import org.opensupervision.intake.InvalidComplaintException;
import org.opensupervision.web.ProblemTypes;
import org.opensupervision.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Intake's own failures as problem details: each bad field named, or a reused idempotency key. */
@RestControllerAdvice(assignableTypes = ComplaintIntakeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

    private final Problems problems;

    IntakeProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ProblemDetail invalidComplaint(InvalidComplaintException ex, Locale locale) {
        List<Map<String, Object>> errors = ex.errors().getFieldErrors().stream()
                .<Map<String, Object>>map(e -> Map.of("field", e.getField(), "code", e.getCode(),
                        "message", problems.message(e, locale)))
                .toList();
        return problems.validation(errors, locale);
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex, Locale locale) {
        return problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                "problem.idempotencyKeyReused", locale);
    }
}
