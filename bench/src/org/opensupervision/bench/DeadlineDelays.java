package org.opensupervision.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Figure 3: for first-feedback deadlines that passed since --since, the delay between the deadline and its breach
 * record, and how many passed deadlines still have no record.
 */
final class DeadlineDelays {

    private DeadlineDelays() {
    }

    static void run(Options options) throws Exception {
        Timestamp since = Timestamp.from(Instant.parse(options.get("since")));
        Latencies delays = new Latencies();
        try (Connection connection = Db.connect(options.get("jdbc"))) {
            try (PreparedStatement statement = connection.prepareStatement("select extract(epoch from "
                    + "b.recorded_at - b.due_at) * 1000000 from deadline_breach b "
                    + "where b.kind = 'FIRST_FEEDBACK' and b.due_at >= ?")) {
                statement.setTimestamp(1, since);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        delays.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from complaint "
                    + "where first_feedback_due_at >= ? and first_feedback_due_at < now() "
                    + "and first_feedback_breached_at is null and first_feedback_at is null")) {
                statement.setTimestamp(1, since);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    System.out.println("passed_without_record=" + rs.getLong(1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "breaches=%d%n", delays.count());
        System.out.println(delays.summary("delay"));
    }
}
