package org.opensupervision.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opensupervision.intake.IdempotencyKeyReusedException;
import org.opensupervision.intake.InvalidComplaintException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the JSON APIs as RFC 9457 problem details, with field errors in the request's language. */
@RestControllerAdvice(basePackages = "org.opensupervision")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ProblemDetailsAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail invalidComplaint(InvalidComplaintException ex, Locale locale) {
        return validationProblem(ex.errors(), locale);
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                messages.getMessage("problem.idempotencyKeyReused", null, locale));
        problem.setType(ProblemTypes.IDEMPOTENCY_KEY_REUSED);
        problem.setTitle(messages.getMessage("problem.idempotencyKeyReused.title", null, locale));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.validation", null, locale));
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle(messages.getMessage("problem.validation.title", null, locale));
        problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "code", "typeMismatch",
                "message", messages.getMessage("problem.parameter.invalid", new Object[] {ex.getValue()}, locale))));
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Locale locale = request.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.malformed", null, locale));
        problem.setType(ProblemTypes.MALFORMED);
        problem.setTitle(messages.getMessage("problem.malformed.title", null, locale));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }


    private ProblemDetail validationProblem(Errors errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.validation", null, locale));
        problem.setType(ProblemTypes.VALIDATION);
        problem.setTitle(messages.getMessage("problem.validation.title", null, locale));
        problem.setProperty("errors", errors.getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "code", e.getCode(),
                        "message", messages.getMessage(e, locale)))
                .toList());
        return problem;
    }
}
