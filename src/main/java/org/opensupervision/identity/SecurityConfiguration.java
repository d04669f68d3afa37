package org.opensupervision.identity;

import org.opensupervision.access.StaffGroups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what. Public: the complaint form and API, the department list, health. Staff pages and APIs: a
 * login (form or HTTP Basic) against Camunda's identity. The Camunda webapps keep their own login; the engine's REST
 * API is guarded by Camunda's own HTTP Basic filter, so it is never open to anonymous callers. With the
 * {@code keycloak} profile {@link KeycloakSecurityConfiguration} takes over the webapps and the engine's REST API, and
 * {@link KeycloakStaffLogin} the staff login. Only in a web application: the command-line audit check runs with
 * {@code --spring.main.web-application-type=none}, where there is no {@code HttpSecurity} to build a chain from.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Our pages load nothing from elsewhere and run no inline script (the API docs UI needs inline styles). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Makes {@code requestMatchers(String...)} in every chain build path-pattern matchers (Spring Security 6.5's
     * opt-in, its default from 7.0), matched like Spring MVC's own mappings, which are path patterns too. Without it
     * each pattern built an MVC matcher by inspecting the servlet registrations: ~7 % of the main thread's start-up
     * (a JFR profile of a start, docs/benchmarks.md, sixth session).
     */
    @Bean
    static PathPatternRequestMatcher.Builder pathPatternRequestMatcherBuilder() {
        return PathPatternRequestMatcher.withDefaults();
    }

    @Bean
    @Order(1)
    @Profile("!keycloak")
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        // The webapps (/camunda) and the engine REST API (/engine-rest) have their own authentication and CSRF
        // protection; Spring Security stays out of their way.
        // Path patterns, not MVC patterns: these paths belong to Camunda's own servlets, not to Spring MVC.
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, StaffLogin staffLogin,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/", "/complaints/new", "/css/**", "/js/**", "/favicon.ico",
                                "/api/departments", "/api-docs/**", "/actuator/health/**", "/actuator/info",
                                "/track", "/rate/**", "/api/public/**", "/schemas/**", "/supervision",
                                "/supervision/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/complaints", "/api/complaints", "/track", "/track/rating",
                                "/rate/**", "/api/public/**").permitAll()
                        .requestMatchers("/error", "/login", "/favicon.ico").permitAll()
                        // Letting an account in again after failed logins: the administrators'.
                        .requestMatchers("/api/login-throttle/**").hasAuthority(
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Mail to citizens carries their contact data: the supervision office's only.
                        .requestMatchers("/staff/mail/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Referral dossiers: discipline inspection's; unsealing the complainant is theirs alone.
                        .requestMatchers(HttpMethod.POST, "/staff/discipline/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.DISCIPLINE_INSPECTION),
                                StaffGroups.authority(StaffGroups.DISCIPLINE_HEAD))
                        .requestMatchers("/staff/discipline/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.DISCIPLINE_INSPECTION),
                                StaffGroups.authority(StaffGroups.DISCIPLINE_HEAD),
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Approval-case supervision: events from the departments' systems only; the catalogue is read by
                        // them and by staff, and loaded by the supervision office.
                        .requestMatchers(HttpMethod.POST, "/api/approval-events").hasAuthority(
                                StaffGroups.authority(StaffGroups.APPROVAL_SYSTEMS))
                        .requestMatchers(HttpMethod.GET, "/api/approval-items/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.APPROVAL_SYSTEMS),
                                CamundaIdentityAuthenticationProvider.STAFF)
                        .requestMatchers(HttpMethod.GET, "/staff/approval-items/**").hasAuthority(
                                CamundaIdentityAuthenticationProvider.STAFF)
                        .requestMatchers("/api/approval-items/**", "/staff/approval-items/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Performance evaluation (issue 14): publishing, correcting and the scoring rules are the
                        // evaluation office's; computing and reading drafts, both offices'.
                        .requestMatchers(HttpMethod.POST, "/api/evaluations/*/publish",
                                "/api/evaluations/*/corrections", "/api/evaluations/rules").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.EVALUATION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        .requestMatchers("/api/evaluations/**", "/staff/evaluations/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.EVALUATION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Recomputing a stored (final) KPI month: the supervision office's, as its data is theirs.
                        .requestMatchers(HttpMethod.POST, "/api/kpi/months/*/recompute").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Every department's KPIs side by side: the supervision and evaluation offices'.
                        .requestMatchers("/api/kpi/**", "/staff/kpi/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.EVALUATION_OFFICE),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // Spot-check reports name departments' failures: the offices', not the departments'.
                        .requestMatchers("/staff/spot-checks/**").hasAnyAuthority(
                                StaffGroups.authority(StaffGroups.SUPERVISION_OFFICE),
                                StaffGroups.authority(StaffGroups.EVALUATION_OFFICE),
                                StaffGroups.authority(StaffGroups.DISCIPLINE_INSPECTION),
                                StaffGroups.authority(StaffGroups.DISCIPLINE_HEAD),
                                StaffGroups.authority(StaffGroups.ADMINISTRATORS))
                        // An address nobody serves outside the staff area: the public 404 page, not the staff login.
                        .requestMatchers(new UnknownPublicPaths(controllers)).permitAll()
                        .anyRequest().hasAuthority(CamundaIdentityAuthenticationProvider.STAFF))
                // The JSON API needs no CSRF token from callers with credentials of their own (HTTP Basic, a bearer
                // token) or none at all (citizens); a call that a session cookie would authenticate needs one, as a
                // form post does: the browser adds the cookie to a request another site makes it send.
                .csrf(csrf -> csrf.ignoringRequestMatchers(new AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        new NegatedRequestMatcher(new SessionLogins()))))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        staffLogin.configure(http);
        return http.build();
    }

    /** The embedded default: the login form and HTTP Basic against Camunda's identity, or a webapp login. */
    @Bean
    @Profile("!keycloak")
    StaffLogin camundaStaffLogin(CamundaIdentityAuthenticationProvider provider) {
        return http -> http.authenticationProvider(provider)
                .addFilterBefore(new CamundaWebappLogin(), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff/complaints"))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .httpBasic(Customizer.withDefaults());
    }

    /** Camunda's own HTTP Basic check for {@code /engine-rest}, against the engine's identity service. */
    @Bean
    @Profile("!keycloak")
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        return registration;
    }
}
