package org.opensupervision.identity;

import java.util.LinkedHashMap;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.extension.keycloak.plugin.KeycloakIdentityProviderPlugin;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.DelegatingLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The {@code keycloak} profile: Camunda reads users and groups from Keycloak (the community identity provider plugin),
 * the webapps log in through Keycloak (OAuth2 login and Camunda's container-based authentication), and the engine's
 * REST API takes Keycloak JWTs, with the caller as the engine's current user so its authorization checks apply. The
 * web parts exist only in a web application (not in the command-line audit check).
 */
@Configuration(proxyBeanMethods = false)
@Profile("keycloak")
class KeycloakSecurityConfiguration {

    static final String LOGIN = "/oauth2/authorization/" + KeycloakGroups.REGISTRATION_ID;

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Users and groups from Keycloak; read-only, so {@code camunda.bpm.admin-user} must not be set. */
    @Bean
    @ConfigurationProperties("plugin.identity.keycloak")
    KeycloakIdentityProviderPlugin keycloakIdentityProvider() {
        return new KeycloakIdentityProviderPlugin();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Order(0)
    SecurityFilterChain engineRestChain(HttpSecurity http, IdentityService identity,
                                        Converter<Jwt, AbstractAuthenticationToken> keycloakJwt) throws Exception {
        http.securityMatcher(PATHS.matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest()
                        .hasAuthority(CamundaIdentityAuthenticationProvider.STAFF))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakJwt)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new KeycloakEngineRestAuthentication(identity), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Order(1)
    SecurityFilterChain camundaWebappChain(HttpSecurity http, ClientRegistrationRepository clients,
                                           KeycloakSessionLogout keycloakSessionLogout) throws Exception {
        RequestMatcher api = PATHS.matcher("/camunda/api/**");
        // The logout button of the webapps posts here (XHR): end the session and Keycloak's, answer 200.
        RequestMatcher webappLogout = PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");
        RequestMatcher browserLogout = PATHS.matcher("/camunda/logout");
        LinkedHashMap<RequestMatcher, LogoutSuccessHandler> logoutAnswers = new LinkedHashMap<>();
        logoutAnswers.put(webappLogout, new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK));
        DelegatingLogoutSuccessHandler logoutAnswer = new DelegatingLogoutSuccessHandler(logoutAnswers);
        logoutAnswer.setDefaultLogoutSuccessHandler(rpInitiatedLogout(clients));
        http.securityMatcher(PATHS.matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(browserLogout).permitAll()
                        .anyRequest().hasAuthority(CamundaIdentityAuthenticationProvider.STAFF))
                // The webapps have their own CSRF protection (Camunda's filter, X-XSRF-TOKEN).
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
                                AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(webappLogout, browserLogout))
                        .addLogoutHandler((request, response, authentication) -> {
                            if (webappLogout.matches(request)) {
                                keycloakSessionLogout.logout(request, response, authentication);
                            }
                        })
                        .logoutSuccessHandler(logoutAnswer));
        return http.build();
    }

    /** OIDC RP-initiated logout: the browser goes to Keycloak's end-session endpoint, then back to the home page. */
    static LogoutSuccessHandler rpInitiatedLogout(ClientRegistrationRepository clients) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        return handler;
    }

    /** Camunda's container-based authentication for the webapps, after Spring Security has run. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerBasedAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.addInitParameter("authentication-provider", KeycloakWebappAuthentication.class.getName());
        registration.setName("camunda-container-based-authentication");
        registration.setOrder(101);
        return registration;
    }

    /**
     * A Keycloak access token as an authentication: the {@code groups} claim as authorities; named by the user name
     * (staff) or by the machine client (a department's system, client-credentials grant).
     */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> keycloakJwt() {
        return jwt -> {
            List<String> groups = jwt.getClaimAsStringList(KeycloakGroups.CLAIM);
            return new JwtAuthenticationToken(jwt, KeycloakGroups.authorities(groups),
                    KeycloakGroups.name(jwt, groups));
        };
    }

    /** The {@code groups} claim of the ID token as authorities of an OAuth2 login. */
    @Bean
    GrantedAuthoritiesMapper keycloakGroupAuthorities() {
        return authorities -> authorities.stream().filter(OidcUserAuthority.class::isInstance)
                .map(OidcUserAuthority.class::cast).findFirst()
                .map(oidc -> KeycloakGroups.authorities(oidc.getIdToken().getClaimAsStringList(KeycloakGroups.CLAIM)))
                .map(List::copyOf).orElseGet(List::of);
    }
}
