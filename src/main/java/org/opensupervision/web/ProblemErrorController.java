package org.opensupervision.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error answer of every request that fails outside a controller, for a client that does not ask for HTML: an
 * unknown address under {@code /api} (404), a path the firewall refuses ({@code //}, {@code %2F}, 400), a filter's
 * {@code sendError}. Spring Boot's own answer there was its error JSON ({@code timestamp, status, error, path}), not
 * problem details (issue 12, hostile input); browsers still get the error page of {@link BasicErrorController}. Only
 * in a web application: the command-line audit check runs without one.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    private final Problems problems;

    ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server,
                           ObjectProvider<ErrorViewResolver> errorViewResolvers, Problems problems) {
        super(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
        this.problems = problems;
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(getStatus(request).value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        ProblemDetail problem = problem(status, LocaleContextHolder.getLocale());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", problem.getDetail());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private ProblemDetail problem(HttpStatus status, Locale locale) {
        return switch (status) {
            case BAD_REQUEST -> problems.problem(status, ProblemTypes.MALFORMED, "problem.badRequest", locale);
            case NOT_FOUND -> problems.problem(status, ProblemTypes.NOT_FOUND, "problem.noResource", locale);
            case METHOD_NOT_ALLOWED -> problems.problem(status, ProblemTypes.METHOD_NOT_ALLOWED,
                    "problem.methodNotAllowed", locale);
            case UNSUPPORTED_MEDIA_TYPE -> problems.problem(status, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "problem.unsupportedMediaType", locale);
            default -> {
                ProblemDetail generic = ProblemDetail.forStatus(status);
                generic.setTitle(status.getReasonPhrase());
                yield generic;
            }
        };
    }
}
