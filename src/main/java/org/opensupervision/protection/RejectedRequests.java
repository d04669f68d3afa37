package org.opensupervision.protection;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensupervision.web.Problems;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Answers a request refused before it reaches a controller: problem details for programs, the error page for people. */
@Component
class RejectedRequests {

    static final URI TOO_MANY_REQUESTS = URI.create("urn:opensupervision:problem:too-many-requests");
    static final URI PAYLOAD_TOO_LARGE = URI.create("urn:opensupervision:problem:payload-too-large");

    private final Problems problems;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    RejectedRequests(Problems problems, LocaleResolver locales, ObjectMapper json) {
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    void reject(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type, String key)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (browser(request)) {
            response.sendError(status.value());
            return;
        }
        write(request, response, status, problems.problem(status, type, key, locales.resolveLocale(request)));
    }

    /** A 400 naming each refused parameter, with the message {@code key} at each. */
    void rejectFields(HttpServletRequest request, HttpServletResponse response, List<String> fields, String key)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (browser(request)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String message = problems.message(new DefaultMessageSourceResolvable(new String[] {key}, null, key), locale);
        write(request, response, HttpStatus.BAD_REQUEST, problems.validation(fields.stream()
                .<Map<String, Object>>map(f -> Map.of("field", f, "code", key, "message", message)).toList(), locale));
    }

    private static boolean browser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith("/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                       ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
