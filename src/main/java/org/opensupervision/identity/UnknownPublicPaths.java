package org.opensupervision.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.RequestPath;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A public address nobody serves: outside the staff pages, the APIs, Camunda's webapps and engine API, the actuator
 * and the login, and answered by no controller. Such a request is let through, so that a mistyped link in a citizen's
 * mail gets the public "page not found" instead of the staff login. Everything a controller serves keeps its rule,
 * whatever the method; so does every unknown address under a staff prefix.
 */
final class UnknownPublicPaths implements RequestMatcher {

    private static final List<String> STAFF_PREFIXES = List.of("/staff", "/api", "/camunda", "/engine-rest",
            "/actuator", "/login", "/logout", "/swagger-ui", "/v3");

    private final ObjectProvider<RequestMappingHandlerMapping> controllers;

    UnknownPublicPaths(ObjectProvider<RequestMappingHandlerMapping> controllers) {
        this.controllers = controllers;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : STAFF_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ";")) {
                return false;
            }
        }
        RequestMappingHandlerMapping mapping = controllers.getIfAvailable();
        if (mapping == null) {
            return false;
        }
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            return mapping.getHandler(request) == null;
        } catch (Exception known) {
            // A controller serves the path, with another method or media type: its own answer, not a 404.
            return false;
        } finally {
            if (previous == null) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            } else {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            }
        }
    }
}
