package org.opensupervision.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opensupervision.web.BufferedRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A request that presents a password, and the account it names, on any of the entry points: HTTP Basic anywhere (the
 * staff API and pages, {@code /engine-rest}), the login form ({@code POST /login}), and the Camunda webapps' login
 * ({@code POST /camunda/api/admin/auth/user/<engine>/login/<app>}). Each entry point says in its own way that the
 * password was wrong, read from the answer by {@link #failed}.
 *
 * @param request the request to pass on (the webapps' login form is read here and passed on from memory)
 * @param account the account named, lower-case or as given; null when the credentials cannot be read
 * @param kind    which entry point
 */
record LoginAttempt(HttpServletRequest request, String account, Kind kind) {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    /** A login form is a few hundred bytes; a larger one is not read here (and fails Camunda's own checks). */
    private static final int MAX_FORM = 8 * 1024;

    enum Kind { BASIC, LOGIN_FORM, WEBAPP_LOGIN }

    /** The attempt the request makes, or null when it presents no password. */
    static LoginAttempt of(HttpServletRequest request) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return new LoginAttempt(request, basicUser(authorization.substring(6).trim()), Kind.BASIC);
        }
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = mappedPath(request);
        if (path.equals("/login")) {
            return new LoginAttempt(request, request.getParameter("username"), Kind.LOGIN_FORM);
        }
        if (WEBAPP_LOGIN.matcher(path).matches() && isForm(request)) {
            // Camunda's JAX-RS resource reads the form from the body: read it here, then pass it on from memory.
            byte[] body = request.getInputStream().readNBytes(MAX_FORM + 1);
            HttpServletRequest buffered = new BufferedRequest(request, body);
            String account = body.length > MAX_FORM ? null : formField(body, "username");
            return new LoginAttempt(buffered, account, Kind.WEBAPP_LOGIN);
        }
        return null;
    }

    /** Whether the answer says the password was wrong (or the account unknown). */
    boolean failed(HttpServletResponse response) {
        return switch (kind) {
            case BASIC, WEBAPP_LOGIN -> response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
            case LOGIN_FORM -> {
                String location = response.getHeader(HttpHeaders.LOCATION);
                yield response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                        || (location != null && location.contains("/login?error"));
            }
        };
    }

    /** Whether the answer says the password was right. */
    boolean succeeded(HttpServletResponse response) {
        int status = response.getStatus();
        return !failed(response) && status < 400 || status == HttpServletResponse.SC_FORBIDDEN;
    }

    /**
     * The path as the container mapped it (decoded, path parameters and dot segments gone), which is what Spring
     * Security and the servlets see: {@code /%6Cogin} is {@code /login} to them, so it is here.
     */
    private static String mappedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? request.getRequestURI().substring(request.getContextPath().length()) : path;
    }

    private static String basicUser(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static String formField(byte[] body, String name) {
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null;
                }
            }
        }
        return null;
    }

}
