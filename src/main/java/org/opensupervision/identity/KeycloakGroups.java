package org.opensupervision.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.opensupervision.access.StaffGroups;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Keycloak's {@code groups} claim (group names without path: the realm's groups are top-level and named like the
 * Camunda groups) as authorities, the same contract as the embedded login: {@code ROLE_STAFF} and one
 * {@code GROUP_<groupId>} per group.
 */
final class KeycloakGroups {

    static final String CLAIM = "groups";
    static final String USER_NAME_CLAIM = "preferred_username";
    static final String REGISTRATION_ID = "keycloak";
    private static final String GROUP = StaffGroups.AUTHORITY_PREFIX;

    private KeycloakGroups() {
    }

    static List<GrantedAuthority> authorities(Collection<String> groups) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(CamundaIdentityAuthenticationProvider.STAFF));
        if (groups != null) {
            groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(GROUP + g)));
        }
        return authorities;
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
