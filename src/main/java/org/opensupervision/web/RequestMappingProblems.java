package org.opensupervision.web;

import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that no handler takes because of its method or its content type (405, 415) fails before a controller is
 * chosen, so {@link ProblemDetailsAdvice}, which speaks for the {@code @RestController}s, never sees it, and the
 * answer was Spring Boot's error JSON. This advice applies to every request and answers problem details, with
 * {@code Allow} and {@code Accept} saying what would have been taken.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestMappingProblems {

    private final Problems problems;

    RequestMappingProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                "problem.unsupportedMediaType", locale);
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> h.setAccept(ex.getSupportedMediaTypes())).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex, Locale locale) {
        ProblemDetail problem = problems.problem(HttpStatus.METHOD_NOT_ALLOWED, ProblemTypes.METHOD_NOT_ALLOWED,
                "problem.methodNotAllowed", locale);
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(h -> {
                    if (ex.getSupportedHttpMethods() != null) {
                        h.setAllow(ex.getSupportedHttpMethods());
                    }
                }).body(problem);
    }
}
