package org.opensupervision.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opensupervision.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Password guessing is slowed on every entry point, not only on the login form: before a request that presents a
 * password ({@link LoginAttempt}) reaches Spring Security, Camunda's {@code /engine-rest} filter or the webapps' login,
 * a client address or account that is waiting ({@link LoginFailures}) gets 429 with {@code Retry-After}; afterwards a
 * wrong password counts against both. It runs before every other filter that checks a password, so no password is
 * checked while waiting.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
class LoginThrottle extends OncePerRequestFilter {

    static final URI TOO_MANY_LOGIN_FAILURES = URI.create("urn:opensupervision:problem:too-many-login-failures");
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final LoginFailures failures;
    private final Problems problems;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    LoginThrottle(LoginFailures failures, Problems problems, LocaleResolver locales, ObjectMapper json) {
        this.failures = failures;
        this.problems = problems;
        this.locales = locales;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginAttempt attempt = LoginAttempt.of(request);
        if (attempt == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Duration wait = failures.waitFor(client, attempt.account());
        if (!wait.isZero()) {
            long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
            // The account name is the client's text: logged bounded, and it is no contact data.
            log.warn("Login refused for {} s after repeated failures: client {}, account {}", seconds, client,
                    abbreviated(attempt.account()));
            refuse(request, response, seconds);
            return;
        }
        chain.doFilter(attempt.request(), response);
        if (attempt.failed(response)) {
            failures.failed(client, attempt.account());
        } else if (attempt.succeeded(response)) {
            failures.succeeded(attempt.account());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
            return;
        }
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = problems.problem(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_LOGIN_FAILURES,
                "problem.tooManyLoginFailures", locale);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String abbreviated(String account) {
        return account == null ? "(unreadable)" : account.length() <= 64 ? account : account.substring(0, 64) + "…";
    }
}
