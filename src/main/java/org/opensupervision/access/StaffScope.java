package org.opensupervision.access;

import java.util.Set;
import java.util.TreeSet;
import org.opensupervision.department.Department;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Which complaints a staff user may see, from the groups of the login (authorities {@code GROUP_<id>}): the
 * supervision office, the evaluation office and administrators see every case; a department handler sees the cases
 * their department is handling now; discipline inspectors see the cases escalated to them.
 *
 * @param everything          no restriction
 * @param departmentCodes     the departments whose cases are visible (when not {@code everything})
 * @param escalatedCases      the login may see cases escalated to discipline inspection
 * @param office              the login belongs to the supervision office (or administers): its own powers
 */
public record StaffScope(boolean everything, Set<String> departmentCodes, boolean escalatedCases,
                         boolean office) {

    public static StaffScope of(Authentication authentication, DepartmentDirectory departments) {
        Set<String> groups = new TreeSet<>();
        if (authentication != null) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null && name.startsWith(StaffGroups.AUTHORITY_PREFIX)) {
                    groups.add(name.substring(StaffGroups.AUTHORITY_PREFIX.length()));
                }
            }
        }
        boolean office = groups.contains(StaffGroups.SUPERVISION_OFFICE) || groups.contains(StaffGroups.ADMINISTRATORS);
        boolean everything = office || groups.contains(StaffGroups.EVALUATION_OFFICE);
        Set<String> codes = new TreeSet<>();
        for (Department department : departments.all()) {
            if (groups.contains(department.handlingGroup())) {
                codes.add(department.code());
            }
        }
        boolean discipline = groups.contains(StaffGroups.DISCIPLINE_INSPECTION)
                || groups.contains(StaffGroups.DISCIPLINE_HEAD);
        return new StaffScope(everything, Set.copyOf(codes), discipline, office);
    }

    /** Whether a case now handled by this department is visible (escalated cases are checked separately). */
    public boolean coversDepartment(String handlingDepartmentCode) {
        return everything || departmentCodes.contains(handlingDepartmentCode);
    }

}
