package org.opensupervision.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that a browser's session cookie would authenticate: a login stored in the session (the login form, an
 * OIDC login) or a Camunda webapp login ({@link CamundaWebappLogin}), and no credentials of their own. Only these can
 * be forged by another site (the browser adds the cookie by itself), so only these need a CSRF token on
 * {@code /api/**}; HTTP Basic and bearer tokens are never added by the browser on its own.
 */
final class SessionLogins implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
            return true;
        }
        Authentications webapp = AuthenticationUtil.getAuthsFromSession(session);
        return webapp != null && !webapp.getAuthentications().isEmpty();
    }
}
