package org.opensupervision.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "A limit passing → its card raised" (issue 11): {@code --count} open, accepted cases (id % 10 = 0, never touched by
 * {@link ApprovalLoad}) are set up so that their promised limit has passed and only that card is still to be raised
 * (acceptance P + 2 working days ago, the yellow card of the near limit and any review-stage card already raised, the
 * statutory limit's near threshold days away), and their next check is set to an instant T {@code --delay} seconds
 * ahead: for the watch, the limit passes at T. The tool then polls the cards every 100 ms and reports, per case, when
 * its red card (PROMISED_LIMIT_PASSED) became visible (committed) after T, and its {@code raised_at} minus T.
 */
final class ApprovalRaise {

    private ApprovalRaise() {
    }

    static void run(Options options) throws Exception {
        int count = options.intValue("count", 1000);
        double delay = options.doubleValue("delay", 20);
        double timeout = options.doubleValue("timeout", 180);
        try (Connection c = Db.connect(options.get("jdbc"))) {
            Instant t = Instant.now().plusMillis((long) (delay * 1000));
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    update approval_case c set
                      accepted_at = now() - (i.promised_limit_wd + 2) * 1.4 * interval '1 day',
                      submitted_at = now() - (i.promised_limit_wd + 2) * 1.4 * interval '1 day' - interval '1 hour',
                      last_event_at = now() - (i.promised_limit_wd + 2) * 1.4 * interval '1 day',
                      promised_due_at = now() - interval '1 day', stopped_wd = 0, stop_since = null,
                      open_stops = null,
                      raised_causes = case when i.review_limit_wd is null then 'PROMISED_LIMIT_NEAR'
                                           else 'PROMISED_LIMIT_NEAR,REVIEW_STAGE_LATE' end,
                      next_check_at = ?
                    from approval_item i
                    where i.id = c.item_id and c.id in (
                      select c2.id from approval_case c2 join approval_item i2 on i2.id = c2.item_id
                      where c2.is_open and c2.status = 'ACCEPTED' and c2.id % 10 = 0 and c2.raised_causes is null
                        and c2.decided_at is null and i2.case_type <> 'IMMEDIATE'
                        and 0.8 * i2.statutory_limit_wd - i2.promised_limit_wd >= 5
                      order by c2.id desc limit ?)
                    returning c.id
                    """)) {
                ps.setTimestamp(1, Timestamp.from(t));
                ps.setInt(2, count);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "raise_cases=%d%nraise_due_at=%s%n", ids.size(), t);
            Map<Long, Long> seenMicros = new HashMap<>();
            Map<Long, Long> raisedMicros = new HashMap<>();
            long tNanos = System.nanoTime() + (long) (delay * 1e9);
            long end = tNanos + (long) (timeout * 1e9);
            Array refs = c.createArrayOf("bigint", ids.toArray());
            try (PreparedStatement ps = c.prepareStatement("select case_ref, min(raised_at) from approval_card"
                    + " where case_ref = any(?) and cause = 'PROMISED_LIMIT_PASSED' group by case_ref")) {
                ps.setArray(1, refs);
                while (seenMicros.size() < ids.size() && System.nanoTime() < end) {
                    Thread.sleep(100);
                    long polled = System.nanoTime();
                    if (polled < tNanos) {
                        continue;
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long ref = rs.getLong(1);
                            if (!seenMicros.containsKey(ref)) {
                                seenMicros.put(ref, (polled - tNanos) / 1000);
                                raisedMicros.put(ref, (rs.getTimestamp(2).toInstant().toEpochMilli() - t.toEpochMilli())
                                        * 1000);
                            }
                        }
                    }
                }
            }
            Latencies seen = new Latencies();
            seenMicros.values().forEach(seen::add);
            Latencies raised = new Latencies();
            raisedMicros.values().forEach(raised::add);
            System.out.printf(Locale.ROOT, "raise_cards_seen=%d%nraise_cards_missing=%d%n", seenMicros.size(),
                    ids.size() - seenMicros.size());
            System.out.println(seen.summary("raise_visible_after"));
            System.out.println(raised.summary("raise_raised_at_after"));
        }
    }
}
