package org.opensupervision.dashboard.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.opensupervision.dashboard.DepartmentKpis;

/** The month ({@code yyyy-MM}) and the sort ({@code field,asc|desc}) of the KPI month, shared by API and page. */
final class KpiMonthRequest {

    static final Map<String, Function<DepartmentKpis, Comparable<?>>> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("department", DepartmentKpis::departmentCode);
        SORTABLE.put("received", DepartmentKpis::received);
        SORTABLE.put("firstFeedbackOnTimeRate", DepartmentKpis::firstFeedbackOnTimeRate);
        SORTABLE.put("closed", DepartmentKpis::closed);
        SORTABLE.put("closedOnTimeRate", DepartmentKpis::closedOnTimeRate);
        SORTABLE.put("reworkRate", DepartmentKpis::reworkRate);
        SORTABLE.put("breaches", DepartmentKpis::breaches);
        SORTABLE.put("satisfactionRate", DepartmentKpis::satisfactionRate);
    }

    private KpiMonthRequest() {
    }

    static Optional<YearMonth> month(String value) {
        if (value == null || !value.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value));
        } catch (DateTimeParseException ex) {
            return Optional.empty();
        }
    }

    static boolean sortIsValid(String sort) {
        return sort == null || sort.isBlank() || SORTABLE.containsKey(sort.split(",")[0].trim());
    }

    /** The order asked for; rates of departments with nothing to rate (null) last either way. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<DepartmentKpis> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Comparator.comparing(DepartmentKpis::departmentCode);
        }
        String[] parts = sort.split(",");
        Function<DepartmentKpis, Comparable> key = (Function) SORTABLE.get(parts[0].trim());
        boolean descending = parts.length > 1 && "desc".equalsIgnoreCase(parts[1].trim());
        Comparator<Comparable> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values))
                .thenComparing(DepartmentKpis::departmentCode);
    }
}
