package org.opensupervision.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;

final class ComplaintSpecifications {

    private ComplaintSpecifications() {
    }

    static Specification<Complaint> matching(ComplaintQuery q, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (q.departmentCode() != null) {
                where.add(cb.or(cb.equal(root.get("departmentCode"), q.departmentCode()),
                        cb.equal(root.get("handlingDepartmentCode"), q.departmentCode())));
            }
            if (q.status() != null) {
                where.add(cb.equal(root.get("status"), q.status()));
            }
            if (q.category() != null) {
                where.add(cb.equal(root.get("category"), q.category()));
            }
            if (q.submittedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("submittedAt"), q.submittedFrom()));
            }
            if (q.submittedTo() != null) {
                where.add(cb.lessThan(root.get("submittedAt"), q.submittedTo()));
            }
            if (q.text() != null && !q.text().isBlank()) {
                String like = "%" + q.text().trim().toLowerCase() + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("trackingNumber")), like),
                        cb.like(cb.lower(root.get("title")), like)));
            }
            if (q.overdue() != null) {
                Predicate overdue = overdue(root, cb, now);
                where.add(q.overdue() ? overdue : cb.not(overdue));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /**
     * Cases now handled by one of these departments ({@code null}: no restriction), or with one of these tracking
     * numbers.
     */
    static Specification<Complaint> visible(Set<String> departmentCodes, Set<String> trackingNumbers) {
        return (root, query, cb) -> {
            if (departmentCodes == null) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            if (!departmentCodes.isEmpty()) {
                any.add(root.get("handlingDepartmentCode").in(departmentCodes));
            }
            if (trackingNumbers != null && !trackingNumbers.isEmpty()) {
                any.add(root.get("trackingNumber").in(trackingNumbers));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    /** The same rule as {@link Complaint#isOverdue(Instant)}, as a query. */
    private static Predicate overdue(Root<Complaint> c, CriteriaBuilder cb, Instant now) {
        Predicate open = c.get("status").in(ComplaintStatus.SUBMITTED, ComplaintStatus.AWAITING_FIRST_FEEDBACK,
                ComplaintStatus.IN_HANDLING, ComplaintStatus.UNDER_REVIEW);
        Predicate firstFeedbackLate = cb.and(cb.isNull(c.get("firstFeedbackAt")),
                cb.lessThan(c.get("firstFeedbackDueAt"), now));
        Predicate handlingLate = cb.and(cb.isNull(c.get("repliedAt")), cb.isNotNull(c.get("handlingDueAt")),
                cb.lessThan(c.get("handlingDueAt"), now));
        return cb.or(cb.isNotNull(c.get("firstFeedbackBreachedAt")), cb.isNotNull(c.get("handlingBreachedAt")),
                cb.and(open, cb.or(firstFeedbackLate, handlingLate)));
    }
}
