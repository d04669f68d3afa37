package org.opensupervision.complaint;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.stereotype.Component;

/**
 * The staff list's two queries: the page itself (one row more than shown, so "is there a next page" is exact) and a
 * count that stops at a limit. Spring Data's {@code Page} counts every matching row on every request, which over a
 * million complaints is a scan of seconds (docs/benchmarks.md, figure 4).
 */
@Component
class ComplaintListQueries {

    @PersistenceContext
    private EntityManager entityManager;

    ListPage<Complaint> page(Specification<Complaint> where, Pageable pageable, int countLimit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Complaint> query = cb.createQuery(Complaint.class);
        Root<Complaint> root = query.from(Complaint.class);
        restrict(query, where.toPredicate(root, query, cb));
        query.select(root).orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        List<Complaint> rows = entityManager.createQuery(query).setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize() + 1).getResultList();
        boolean next = rows.size() > pageable.getPageSize();
        List<Complaint> content = next ? rows.subList(0, pageable.getPageSize()) : rows;
        long offset = pageable.getOffset();
        if (!next && (offset == 0 || !content.isEmpty())) {
            // The last page: the total is known without counting.
            return new ListPage<>(content, pageable.getPageNumber(), pageable.getPageSize(), offset + content.size(),
                    false, false);
        }
        long counted = countUpTo(where, countLimit + 1);
        boolean capped = counted > countLimit;
        long total = capped ? Math.max(countLimit, offset + content.size()) : counted;
        return new ListPage<>(content, pageable.getPageNumber(), pageable.getPageSize(), total, capped, next);
    }

    /** How many rows match, counting no further than {@code limit}. */
    private long countUpTo(Specification<Complaint> where, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Complaint> root = query.from(Complaint.class);
        restrict(query, where.toPredicate(root, query, cb));
        query.select(root.get("id"));
        return entityManager.createQuery(query).setMaxResults(limit).getResultList().size();
    }

    private static void restrict(CriteriaQuery<?> query, Predicate predicate) {
        if (predicate != null) {
            query.where(predicate);
        }
    }
}
