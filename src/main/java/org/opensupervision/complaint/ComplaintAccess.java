package org.opensupervision.complaint;

import java.util.Optional;
import java.util.Set;
import org.opensupervision.access.StaffScope;
import org.opensupervision.department.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The complaints a staff login may see (the staff half of the matrix in {@code docs/security.md}): a case outside
 * the login's scope is treated as if it did not exist, so its tracking number tells nothing. Every staff endpoint
 * that reads a case goes through here.
 */
@Component
public class ComplaintAccess {

    private final ComplaintRecords records;
    private final DepartmentDirectory departments;
    private final EscalatedComplaints escalated;
    private final int countLimit;

    ComplaintAccess(ComplaintRecords records, DepartmentDirectory departments, EscalatedComplaints escalated,
                    @Value("${supervision.staff-list.count-limit:1000}") int countLimit) {
        this.records = records;
        this.countLimit = countLimit;
        this.departments = departments;
        this.escalated = escalated;
    }

    public StaffScope scopeOf(Authentication login) {
        return StaffScope.of(login, departments);
    }

    /**
     * One page of the complaints matching the query among those the login may see; the total is counted up to
     * {@code supervision.staff-list.count-limit} (1,000) and said to be capped above it.
     */
    public ListPage<ComplaintFacts> search(Authentication login, ComplaintQuery query, Pageable page) {
        StaffScope scope = scopeOf(login);
        Set<String> visible = scope.everything() ? null : scope.departmentCodes();
        Set<String> alsoVisible = scope.escalatedCases() ? escalated.trackingNumbers() : Set.of();
        return records.search(query, visible, alsoVisible, page, countLimit);
    }

    public Optional<ComplaintFacts> find(Authentication login, String trackingNumber) {
        StaffScope scope = scopeOf(login);
        return records.find(trackingNumber).filter(c -> scope.coversDepartment(c.handlingDepartmentCode())
                || scope.escalatedCases() && escalated.isEscalated(trackingNumber));
    }
}
