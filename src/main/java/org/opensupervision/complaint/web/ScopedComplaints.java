package org.opensupervision.complaint.web;

import java.util.Optional;
import java.util.Set;
import org.opensupervision.access.StaffScope;
import org.opensupervision.complaint.Complaint;
import org.opensupervision.complaint.ComplaintQuery;
import org.opensupervision.complaint.ComplaintRecords;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The complaints a staff login may see (the staff half of the matrix in {@code docs/security.md}): a case outside
 * the login's scope is treated as if it did not exist, so its tracking number tells nothing.
 */
@Component
class ScopedComplaints {

    private final ComplaintRecords records;
    private final DepartmentDirectory departments;

    ScopedComplaints(ComplaintRecords records, DepartmentDirectory departments) {
        this.records = records;
        this.departments = departments;
    }

    StaffScope scopeOf(Authentication login) {
        return StaffScope.of(login, departments);
    }

    Page<Complaint> search(Authentication login, ComplaintQuery query, Pageable page) {
        StaffScope scope = scopeOf(login);
        Set<String> visible = scope.everything() ? null : scope.departmentCodes();
        return records.search(query, visible, page);
    }

    Optional<Complaint> find(Authentication login, String trackingNumber) {
        StaffScope scope = scopeOf(login);
        return records.find(trackingNumber).filter(c -> scope.coversDepartment(c.getHandlingDepartmentCode()));
    }
}
