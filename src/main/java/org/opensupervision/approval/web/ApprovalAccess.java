package org.opensupervision.approval.web;

import java.util.Set;

import org.opensupervision.access.StaffGroups;
import org.opensupervision.access.StaffScope;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees which approval cases: the supervision and evaluation offices and administrators every department; a
 * department's handlers their own department; anyone else none (404, as if the case did not exist). A machine client
 * is its department's system, named {@code system-<code>} (Camunda user, or Keycloak client and its service account).
 */
@Component
class ApprovalAccess {

    private static final String SERVICE_ACCOUNT = "service-account-";

    private final DepartmentDirectory departments;

    ApprovalAccess(DepartmentDirectory departments) {
        this.departments = departments;
    }

    /** The departments the login may read, or null for every one. */
    Set<String> readable(Authentication login) {
        StaffScope scope = StaffScope.of(login, departments);
        return scope.everything() ? null : scope.departmentCodes();
    }

    boolean mayRead(Authentication login, String departmentCode) {
        Set<String> readable = readable(login);
        return readable == null || readable.contains(departmentCode);
    }

    /** Whether the login is a handler of that department (who may contest its cards). */
    boolean handlesDepartment(Authentication login, String departmentCode) {
        return StaffScope.of(login, departments).departmentCodes().contains(departmentCode);
    }

    /** The department of a machine client, or null when the login is none or names no known department. */
    String systemDepartment(Authentication login) {
        if (login == null || login.getAuthorities().stream().noneMatch(a ->
                StaffGroups.authority(StaffGroups.APPROVAL_SYSTEMS).equals(a.getAuthority()))) {
            return null;
        }
        String name = login.getName();
        if (name.startsWith(SERVICE_ACCOUNT)) {
            name = name.substring(SERVICE_ACCOUNT.length());
        }
        if (!name.startsWith(StaffGroups.SYSTEM_PREFIX)) {
            return null;
        }
        String code = name.substring(StaffGroups.SYSTEM_PREFIX.length()).toUpperCase(java.util.Locale.ROOT);
        return departments.find(code).map(d -> d.code()).orElse(null);
    }
}
