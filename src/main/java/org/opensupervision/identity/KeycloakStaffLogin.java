package org.opensupervision.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Staff login with the {@code keycloak} profile: pages log in through Keycloak (authorization code flow; a webapp
 * login counts too, it is the same Spring Security session), APIs take Keycloak access tokens, logout ends the Keycloak
 * session (RP-initiated logout).
 */
@Component
@Profile("keycloak")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class KeycloakStaffLogin implements StaffLogin {

    private final ClientRegistrationRepository clients;
    private final Converter<Jwt, AbstractAuthenticationToken> keycloakJwt;
    private final GrantedAuthoritiesMapper groupAuthorities;

    KeycloakStaffLogin(ClientRegistrationRepository clients, Converter<Jwt, AbstractAuthenticationToken> keycloakJwt,
                       GrantedAuthoritiesMapper groupAuthorities) {
        this.clients = clients;
        this.keycloakJwt = keycloakJwt;
        this.groupAuthorities = groupAuthorities;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.userInfoEndpoint(user -> user.userAuthoritiesMapper(groupAuthorities))
                        .defaultSuccessUrl("/staff/complaints"))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakJwt)))
                // Programs get a 401 with a bearer challenge, not a redirect to Keycloak's login page.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new BearerTokenAuthenticationEntryPoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .logout(logout -> logout
                        .logoutSuccessHandler(KeycloakSecurityConfiguration.rpInitiatedLogout(clients)));
    }
}
