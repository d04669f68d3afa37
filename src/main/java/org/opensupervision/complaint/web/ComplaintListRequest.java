package org.opensupervision.complaint.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.opensupervision.complaint.ComplaintCategory;
import org.opensupervision.complaint.ComplaintQuery;
import org.opensupervision.complaint.ComplaintStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The query parameters of the staff list, shared by the API and the page. {@code from}/{@code to} are calendar days
 * in China Standard Time, both inclusive; {@code sort} is {@code field,asc|desc}.
 */
record ComplaintListRequest(String department, ComplaintStatus status, ComplaintCategory category, LocalDate from,
                            LocalDate to, Boolean overdue, String q, Integer page, Integer size, String sort) {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /**
     * The last page that can be asked for: the query's offset ({@code page × size}, plus the one row read ahead) must
     * fit an int (JPA's {@code setFirstResult}); a larger page overflowed into a negative offset, a 500.
     */
    static final int MAX_PAGE = (Integer.MAX_VALUE - MAX_SIZE - 1) / MAX_SIZE;
    private static final Map<String, String> SORTABLE = Map.of(
            "submittedAt", "submittedAt", "firstFeedbackDueAt", "firstFeedbackDueAt",
            "handlingDueAt", "handlingDueAt", "status", "status", "priority", "priority",
            "trackingNumber", "trackingNumber", "departmentCode", "departmentCode", "category", "category");
    static final Set<String> SORT_FIELDS = SORTABLE.keySet();

    ComplaintQuery query(ZoneId zone) {
        return new ComplaintQuery(blankToNull(department), status, category,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), overdue, blankToNull(q));
    }

    Pageable pageable() {
        int p = page == null || page < 0 ? 0 : Math.min(page, MAX_PAGE);
        int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return PageRequest.of(p, s, sortOrder().and(Sort.by(Sort.Direction.DESC, "id")));
    }

    /** Whether the page can be asked for (the API answers 400 otherwise; the page shows an empty last page). */
    boolean pageIsValid() {
        return page == null || page <= MAX_PAGE;
    }

    /** Whether the sort parameter names a sortable field (the API answers 400 otherwise). */
    boolean sortIsValid() {
        return sort == null || sort.isBlank() || SORTABLE.containsKey(sort.split(",")[0].trim());
    }

    private Sort sortOrder() {
        if (sort == null || sort.isBlank()) {
            return Sort.by(Sort.Direction.DESC, "submittedAt");
        }
        String[] parts = sort.split(",");
        String field = SORTABLE.getOrDefault(parts[0].trim(), "submittedAt");
        boolean ascending = parts.length > 1 && "asc".equalsIgnoreCase(parts[1].trim());
        return Sort.by(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, field);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
