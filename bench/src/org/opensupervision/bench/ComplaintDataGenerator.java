package org.opensupervision.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills the application's tables with finished and running complaints at realistic volumes, fast: rows go in with
 * PostgreSQL's COPY in chunks of 10,000 (about 1,000,000 complaints a minute here), never through HTTP.
 *
 * <p>What one call writes, for {@code count} complaints submitted over the year before now: 95 % closed (first feedback
 * after 1-30 h, so about one in six misses the 24 h; reply after 2-25 days against a deadline of 21 calendar days;
 * 5 % reworked once, 3 % with an extension), 3 % rejected at triage, 2 % still open in every running state
 * (submitted, awaiting first feedback, in handling, under review); one {@code deadline_breach} row per missed
 * deadline; and, when the rating table exists (issue 4), one rating per closed case (80 % rated through the link, 9 in 10 of them satisfied; 20 % defaulted to 基本满意 after 7 days), counted against the handling department
 * when the table has that column (V5).
 * Running cases have no process instance: they fill lists and counts, not the engine.
 *
 * <p>Usable by tests at small scale: {@code new ComplaintDataGenerator(jdbcUrl).generate(200, 1L)}.
 */
public final class ComplaintDataGenerator {

    private static final int CHUNK = 10_000;
    private static final String COMPLAINT_COLUMNS = "id, tracking_number, department_code, handling_department_code, "
            + "handling_group, category, priority, title, description, approval_case_number, incident_date, anonymous, "
            + "contact_name, contact_phone, contact_email, status, submitted_at, routed_at, redirect_count, "
            + "first_feedback_due_at, first_feedback_at, first_feedback_text, first_feedback_breached_at, "
            + "handling_started_at, handling_due_at, handling_breached_at, extension_requested_at, "
            + "extension_working_days, extension_reason, extension_approved, extension_decided_at, replied_at, "
            + "reply_text, rework_count, closed_at, rejected_at, rejection_reason, process_instance_id, version";

    private final String jdbcUrl;

    public ComplaintDataGenerator(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Writes {@code count} complaints with their breaches (and ratings, if that table exists).
     *
     * @param seed the same seed writes the same content (tracking numbers continue after the highest id)
     * @return the number of complaints written
     */
    public long generate(long count, long seed) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            boolean ratings = tableExists(connection, "citizen_rating");
            boolean ratingDepartment = ratings && columnExists(connection, "citizen_rating", "department_code");
            long firstId = nextId(connection);
            Random random = new Random(seed);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (long start = 0; start < count; start += CHUNK) {
                Rows rows = new Rows();
                for (long i = start; i < Math.min(count, start + CHUNK); i++) {
                    writeCase(rows, firstId + i, now, random, ratings, ratingDepartment);
                }
                copy.copyIn("copy complaint (" + COMPLAINT_COLUMNS + ") from stdin",
                        new StringReader(rows.complaints.toString()));
                copy.copyIn("copy deadline_breach (complaint_id, department_code, kind, due_at, recorded_at) "
                        + "from stdin", new StringReader(rows.breaches.toString()));
                if (ratings) {
                    copy.copyIn("copy citizen_rating (tracking_number, round, opened_at, due_at, status, level, "
                            + "comment, channel, rated_at, version" + (ratingDepartment ? ", department_code" : "")
                            + ") from stdin",
                            new StringReader(rows.ratings.toString()));
                }
                connection.commit();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setval(pg_get_serial_sequence('complaint', 'id'), "
                        + "(select max(id) from complaint))");
                statement.execute("analyze complaint");
                statement.execute("analyze deadline_breach");
            }
            connection.commit();
            return count;
        }
    }

    private static final class Rows {
        final StringBuilder complaints = new StringBuilder(CHUNK * 900);
        final StringBuilder breaches = new StringBuilder(CHUNK * 40);
        final StringBuilder ratings = new StringBuilder(CHUNK * 80);
    }

    private static void writeCase(Rows rows, long id, Instant now, Random random, boolean ratings,
                                  boolean ratingDepartment) {
        String department = Samples.department(random);
        String handling = random.nextInt(20) == 0 ? Samples.department(random) : department;
        Instant submitted = now.minusSeconds(3600 + (long) (random.nextDouble() * 365 * 86_400));
        Instant due = submitted.plus(Duration.ofHours(24));
        boolean anonymous = random.nextInt(10) < 3;
        int roll = random.nextInt(100);
        String status = roll < 95 ? "CLOSED" : roll < 98 ? "REJECTED"
                : new String[] {"SUBMITTED", "AWAITING_FIRST_FEEDBACK", "IN_HANDLING", "UNDER_REVIEW"}[roll - 98
                + random.nextInt(2) * 2];
        if (!"CLOSED".equals(status) && !"REJECTED".equals(status)) {
            submitted = now.minusSeconds(60 + random.nextInt(20 * 86_400));
            due = submitted.plus(Duration.ofHours(24));
        }
        boolean routed = !"SUBMITTED".equals(status);
        Instant routedAt = routed ? submitted.plusSeconds(1 + random.nextInt(5)) : null;
        Instant feedbackAt = null;
        Instant feedbackBreach = null;
        Instant handlingStart = null;
        Instant handlingDue = null;
        Instant handlingBreach = null;
        Instant replied = null;
        Instant closed = null;
        Instant rejected = null;
        boolean extension = false;
        int rework = 0;
        if ("REJECTED".equals(status)) {
            rejected = submitted.plusSeconds(600 + random.nextInt(20 * 3600));
        } else if (routed) {
            Instant feedback = submitted.plusSeconds(3600 + random.nextInt(29 * 3600));
            if (feedback.isAfter(due) && due.isBefore(now)) {
                feedbackBreach = due.plusSeconds(1);
                breach(rows, id, handling, "FIRST_FEEDBACK", due, feedbackBreach);
            }
            if (!"AWAITING_FIRST_FEEDBACK".equals(status) && feedback.isBefore(now)) {
                feedbackAt = feedback;
                handlingStart = feedback.plusSeconds(2);
                handlingDue = handlingStart.plus(Duration.ofDays(21));
                extension = random.nextInt(100) < 3;
                if (extension) {
                    handlingDue = handlingDue.plus(Duration.ofDays(7));
                }
                rework = random.nextInt(100) < 5 ? 1 : 0;
                Instant reply = handlingStart.plusSeconds(2 * 86_400 + random.nextInt(23 * 86_400));
                if (reply.isAfter(handlingDue) && handlingDue.isBefore(now) && !"IN_HANDLING".equals(status)) {
                    handlingBreach = handlingDue.plusSeconds(1);
                    breach(rows, id, handling, "HANDLING", handlingDue, handlingBreach);
                }
                if (!"IN_HANDLING".equals(status)) {
                    replied = reply;
                    if ("CLOSED".equals(status)) {
                        closed = reply.plusSeconds(3600 + random.nextInt(3 * 86_400));
                    }
                }
            }
        }
        StringBuilder r = rows.complaints;
        field(r, id);
        field(r, trackingNumber(submitted, id));
        field(r, department);
        field(r, routed ? handling : null);
        field(r, routed ? "dept-" + handling.toLowerCase() : null);
        field(r, Samples.category(random));
        field(r, routed ? 1 + random.nextInt(3) : null);
        field(r, Samples.title(random));
        field(r, Samples.description(random));
        field(r, Samples.caseNumber(random));
        field(r, "2026-03-02");
        field(r, anonymous ? "t" : "f");
        field(r, anonymous ? null : "张" + (char) ('伟' + random.nextInt(50)));
        field(r, anonymous ? null : Samples.phone(random));
        field(r, anonymous || random.nextBoolean() ? null : "citizen" + id + "@example.com");
        field(r, status);
        field(r, submitted);
        field(r, routedAt);
        field(r, 0);
        field(r, due);
        field(r, feedbackAt);
        field(r, feedbackAt == null ? null : "已收到您的投诉，正在核查办理情况，将在规定时限内答复。");
        field(r, feedbackBreach);
        field(r, handlingStart);
        field(r, handlingDue);
        field(r, handlingBreach);
        field(r, extension ? handlingStart.plus(Duration.ofDays(10)) : null);
        field(r, extension ? 5 : null);
        field(r, extension ? "需要现场核查，申请延长办理期限。" : null);
        field(r, extension ? "t" : null);
        field(r, extension ? handlingStart.plus(Duration.ofDays(11)) : null);
        field(r, replied);
        field(r, replied == null ? null : "经核查，该申请因材料审核环节积压导致超期，现已办结并向申请人致歉，相关窗口已整改。");
        field(r, rework);
        field(r, closed);
        field(r, rejected);
        field(r, rejected == null ? null : "不属于本平台受理范围，请向有关部门反映。");
        // Generated rows have no process of their own; the marker keeps the intake's starter (which starts submitted
        // complaints without one) from starting processes for them while the lists are measured.
        field(r, "generated-" + id);
        r.append("0\n");
        if (ratings && closed != null) {
            boolean rated = random.nextInt(10) < 8;
            StringBuilder g = rows.ratings;
            field(g, trackingNumber(submitted, id));
            field(g, 1);
            field(g, closed);
            field(g, closed.plus(Duration.ofDays(7)));
            field(g, rated ? "RATED" : "DEFAULTED");
            field(g, rated ? (random.nextInt(10) < 9 ? 4 + random.nextInt(2) : 1 + random.nextInt(3)) : 3);
            field(g, rated && random.nextBoolean() ? "处理及时，态度较好。" : null);
            field(g, rated ? "LINK" : "DEFAULT");
            field(g, rated ? closed.plusSeconds(random.nextInt(6 * 86_400)) : closed.plus(Duration.ofDays(7)));
            if (ratingDepartment) {
                field(g, 0);
                g.append(handling).append('\n');
            } else {
                g.append("0\n");
            }
        }
    }

    private static void breach(Rows rows, long id, String department, String kind, Instant due, Instant recorded) {
        StringBuilder b = rows.breaches;
        field(b, id);
        field(b, department);
        field(b, kind);
        field(b, due);
        b.append(recorded).append('\n');
    }

    /** Unique and in the format intake uses (TS + day + '-' + 6 characters); 'G' marks generated ones. */
    private static String trackingNumber(Instant submitted, long id) {
        String day = submitted.toString().substring(0, 10).replace("-", "");
        String suffix = Long.toString(id, 36).toUpperCase();
        return "TS" + day + "-G" + "00000".substring(Math.min(5, suffix.length())) + suffix;
    }

    private static void field(StringBuilder row, Object value) {
        row.append(value == null ? "\\N" : value.toString()).append('\t');
    }

    private static long nextId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) + 1000 from complaint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getColumns(null, null, table, column)) {
            return rs.next();
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
