package org.opensupervision.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For {@code /engine-rest} with the {@code keycloak} profile: the user and groups of the validated JWT become the
 * engine's current authentication for the request, so the engine's own authorization checks apply to the caller (what
 * Camunda's HTTP Basic filter does in the embedded default).
 */
class KeycloakEngineRestAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    KeycloakEngineRestAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(authentication.getName(), KeycloakGroups.groupIds(authentication.getAuthorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
