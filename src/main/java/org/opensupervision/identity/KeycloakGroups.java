package org.opensupervision.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.opensupervision.access.StaffGroups;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak's {@code groups} claim (group names without path: the realm's groups are top-level and named like the
 * Camunda groups) as authorities, the same contract as the embedded login
 * ({@link CamundaIdentityAuthenticationProvider}): one {@code GROUP_<groupId>} per group, and {@code ROLE_STAFF} for
 * everyone but the departments' systems (service accounts in {@code approval-systems}).
 */
final class KeycloakGroups {

    static final String CLAIM = "groups";
    static final String USER_NAME_CLAIM = "preferred_username";
    /** The client a token was issued to: for a client-credentials token, the machine client itself. */
    static final String CLIENT_CLAIM = "azp";
    static final String REGISTRATION_ID = "keycloak";
    private static final String GROUP = StaffGroups.AUTHORITY_PREFIX;

    private KeycloakGroups() {
    }

    static List<GrantedAuthority> authorities(Collection<String> groups) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (!isSystem(groups)) {
            // A department's system sends approval events and reads the catalogue; it is no member of staff.
            authorities.add(new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.STAFF));
        }
        if (groups != null) {
            groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(GROUP + g)));
        }
        return authorities;
    }

    static boolean isSystem(Collection<String> groups) {
        return groups != null && groups.contains(StaffGroups.APPROVAL_SYSTEMS);
    }

    /**
     * The authentication's name: the user name of staff; for a department's system the client the token was issued
     * to ({@code system-<department code>}, what {@code ApprovalAccess} reads the department from). A person put into
     * {@code approval-systems} by mistake gets the name of the client they logged in with, which names no department.
     */
    static String name(Jwt jwt, Collection<String> groups) {
        return jwt.getClaimAsString(isSystem(groups) ? CLIENT_CLAIM : USER_NAME_CLAIM);
    }

    /** The Camunda group ids back from the authorities. */
    static List<String> groupIds(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith(GROUP))
                .map(a -> a.substring(GROUP.length())).toList();
    }

    static boolean isStaff(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .anyMatch(a -> CamundaIdentityAuthenticationProvider.STAFF.equals(a.getAuthority()));
    }
}
