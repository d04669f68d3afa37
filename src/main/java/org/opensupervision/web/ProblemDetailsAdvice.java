package org.opensupervision.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Framework errors of the JSON APIs (the {@code @RestController}s; pages get the error page) as RFC 9457 problem details, with field errors in the request's language. */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final Problems problems;

    ProblemDetailsAdvice(Problems problems) {
        this.problems = problems;
    }



    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
        return problems.invalidParameter(ex.getName(), ex.getValue(), "typeMismatch", null, locale);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .<Map<String, Object>>map(e -> Map.of("field", e.getField(), "code", String.valueOf(e.getCode()),
                        "message", problems.invalidParameterMessage(e.getRejectedValue(), locale)))
                .toList();
        return handleExceptionInternal(ex, problems.validation(errors, locale), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, "problem.malformed",
                LocaleContextHolder.getLocale());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
