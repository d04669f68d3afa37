package org.opensupervision.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Container-based authentication of the Camunda webapps with the {@code keycloak} profile: the user Spring Security
 * logged in through Keycloak is the webapps' user, with the groups of the token. Camunda's
 * {@code ContainerBasedAuthenticationFilter} creates this class by name, hence public with a no-argument constructor.
 */
public class KeycloakWebappAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !KeycloakGroups.isStaff(authentication.getAuthorities())) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(KeycloakGroups.groupIds(authentication.getAuthorities()));
        // Keycloak knows no Camunda tenants; without this the filter would ask the read-only identity provider.
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they get here (login redirect or 401).
    }
}
