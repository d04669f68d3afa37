package org.opensupervision.protection;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensupervision.web.ControlCharacters;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query or form parameter that carries a control character (tab, line feed and carriage return aside) with
 * 400 naming each such parameter, before any controller turns it into a query or a row: PostgreSQL answers a NUL in a
 * text value with an error (a 500 where H2 goes on), so the same request must fail the same way on both, and early.
 * JSON bodies are checked field by field by their validators; the Camunda webapps and engine API keep their own rules.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ControlCharacterParameters extends OncePerRequestFilter {

    private final RejectedRequests rejected;

    ControlCharacterParameters(RejectedRequests rejected) {
        this.rejected = rejected;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.normalised(request);
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            boolean bad = ControlCharacters.inText(parameter.getKey());
            for (String value : parameter.getValue()) {
                bad |= ControlCharacters.inText(value);
            }
            if (bad) {
                refused.add(ControlCharacters.inText(parameter.getKey()) ? "?" : parameter.getKey());
            }
        }
        if (!refused.isEmpty()) {
            rejected.rejectFields(request, response, refused, "field." + ControlCharacters.CODE);
            return;
        }
        chain.doFilter(request, response);
    }
}
