package org.opensupervision;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opensupervision.OwnsPeriod.Cases;
import org.opensupervision.calendar.WorkingDayCalendar;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Keeps the test classes that share the application's database apart ({@link OwnsPeriod}). Before a class: its
 * claims overlap no other class's claims. After it: every complaint and approval case it made lies in none of the
 * slots that other classes own (by the month of its submission in China Standard Time and its department, the
 * handling department of a complaint included). The classes run one after another (no parallel execution), so the
 * rows above the highest id before the class are that class's (hand-written rows with ids of their own are removed by
 * the tests that write them, so the identity columns stay the highest ids).
 */
public class PeriodClaimsGuard implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PeriodClaimsGuard.class);

    /** A table of the roots of a case, with the columns of its id, its key, its departments and its time. */
    private record Roots(Cases cases, String table, String key, String departments, String at) {

        String highestId() {
            return "select coalesce(max(id), 0) from " + table;
        }

        String rowsAbove() {
            return "select id, " + key + ", " + departments + ", " + at + " from " + table + " where id > ?";
        }
    }

    private static final List<Roots> ROOTS = List.of(
            new Roots(Cases.COMPLAINTS, "complaint", "tracking_number", "department_code, handling_department_code",
                    "submitted_at"),
            new Roots(Cases.APPROVAL, "approval_case", "case_id", "department_code, department_code",
                    "coalesce(submitted_at, last_event_at)"));

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        List<PeriodClaims.Conflict> conflicts = PeriodClaims.conflictsOf(type);
        if (!conflicts.isEmpty()) {
            throw new AssertionError("Two test classes claim the same data (@OwnsPeriod): " + conflicts);
        }
        JdbcTemplate jdbc = jdbc(context);
        for (Roots roots : ROOTS) {
            context.getStore(NAMESPACE).put(roots.table(), jdbc.queryForObject(roots.highestId(), Long.class));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        JdbcTemplate jdbc = jdbc(context);
        ZoneId zone = SpringExtension.getApplicationContext(context).getBean(WorkingDayCalendar.class).zone();
        List<String> trespasses = new ArrayList<>();
        for (Roots roots : ROOTS) {
            long highestBefore = context.getStore(NAMESPACE).get(roots.table(), Long.class);
            jdbc.query(roots.rowsAbove(), rs -> {
                Instant at = rs.getTimestamp(5).toInstant();
                YearMonth month = YearMonth.from(at.atZone(zone));
                for (String department : new String[] {rs.getString(3), rs.getString(4)}) {
                    PeriodClaims.Slot owner = department == null ? null
                            : PeriodClaims.ownerOtherThan(type, month, department, roots.cases());
                    if (owner != null) {
                        trespasses.add(roots.table() + " " + rs.getString(2) + " of " + department + " at " + at
                                + " lies in " + owner);
                        break;
                    }
                }
            }, highestBefore);
        }
        if (!trespasses.isEmpty()) {
            throw new AssertionError(type.getSimpleName() + " made data in slots other test classes own "
                    + "(@OwnsPeriod): " + trespasses);
        }
    }

    private static JdbcTemplate jdbc(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        return application.getBean(JdbcTemplate.class);
    }
}
