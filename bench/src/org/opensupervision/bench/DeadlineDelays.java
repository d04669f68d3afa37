package org.opensupervision.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figure 3: for first-feedback deadlines between --since and --until, the delay between the deadline and its breach
 * record, overall and in three consecutive windows of equal size (three "runs" for a median with min-max), and how
 * many of those deadlines have no record at all.
 */
final class DeadlineDelays {

    private DeadlineDelays() {
    }

    static void run(Options options) throws Exception {
        Timestamp since = Timestamp.from(Instant.parse(options.get("since")));
        Timestamp until = Timestamp.from(Instant.parse(options.get("until")));
        List<Long> delays = new ArrayList<>();
        try (Connection connection = Db.connect(options.get("jdbc"))) {
            try (PreparedStatement statement = connection.prepareStatement("select extract(epoch from "
                    + "b.recorded_at - b.due_at) * 1000000 from deadline_breach b "
                    + "where b.kind = 'FIRST_FEEDBACK' and b.due_at >= ? and b.due_at < ? order by b.due_at")) {
                statement.setTimestamp(1, since);
                statement.setTimestamp(2, until);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        delays.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from complaint "
                    + "where first_feedback_due_at >= ? and first_feedback_due_at < ? "
                    + "and first_feedback_breached_at is null and first_feedback_at is null")) {
                statement.setTimestamp(1, since);
                statement.setTimestamp(2, until);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    System.out.println("deadlines_without_record=" + rs.getLong(1));
                }
            }
        }
        Latencies all = new Latencies();
        delays.forEach(all::add);
        System.out.printf(Locale.ROOT, "breaches=%d%n", all.count());
        System.out.println(all.summary("delay"));
        int third = delays.size() / 3;
        for (int w = 0; w < 3 && third > 0; w++) {
            Latencies window = new Latencies();
            delays.subList(w * third, (w + 1) * third).forEach(window::add);
            System.out.printf(Locale.ROOT, "delay_window%d_p99_ms=%.1f%n", w + 1, window.percentileMillis(99));
        }
    }
}
