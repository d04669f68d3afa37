package org.opensupervision.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds the application's RFC 9457 problem details, with title and detail in the caller's language. */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A 400 naming each bad field: {@code errors: [{field, code, message}]}. */
    public ProblemDetail validation(List<Map<String, Object>> fieldErrors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "problem.validation", locale);
        problem.setProperty("errors", fieldErrors);
        return problem;
    }

    /** A 400 for one bad query parameter. */
    public ProblemDetail invalidParameter(String name, Object value, String code, String hint, Locale locale) {
        String message = invalidParameterMessage(value, locale) + (hint == null ? "" : " " + hint);
        return validation(List.of(Map.of("field", name, "code", code, "message", message)), locale);
    }

    /** "The value … is not valid", localized. */
    public String invalidParameterMessage(Object value, Locale locale) {
        return messages.getMessage("problem.parameter.invalid", new Object[] {value}, locale);
    }

    /** A 404 for a complaint that does not exist. */
    public ProblemDetail notFound(Locale locale) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.notFound", locale);
    }

    /** A problem whose title and detail are the messages {@code key + ".title"} and {@code key}. */
    public ProblemDetail problem(HttpStatus status, java.net.URI type, String key, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
        problem.setType(type);
        problem.setTitle(messages.getMessage(key + ".title", null, locale));
        return problem;
    }

    /** A localized message. */
    public String message(org.springframework.context.MessageSourceResolvable resolvable, Locale locale) {
        return messages.getMessage(resolvable, locale);
    }
}
