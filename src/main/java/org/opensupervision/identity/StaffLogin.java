package org.opensupervision.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How staff prove who they are on the application's own pages and APIs: against Camunda's identity in the embedded
 * default, against Keycloak with the {@code keycloak} profile. Either way a staff member ends up with the authority
 * {@link CamundaIdentityAuthenticationProvider#STAFF} and one {@code GROUP_<groupId>} per group.
 */
@FunctionalInterface
interface StaffLogin {

    void configure(HttpSecurity http) throws Exception;
}
