package org.opensupervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;
import org.opensupervision.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The configured cycle of {@code monthly-evaluation} fires on the 1st of every month in China Standard Time, month
 * after month: the engine works out each next firing with {@link DurationHelper}, adding the period in the JVM's own
 * zone (UTC in the image and in this suite), so a start that is the 1st in Beijing but the 31st in UTC would drift to
 * the 28th after February.
 */
class EvaluationCycleTest extends IntegrationTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    EvaluationProperties properties;

    @Test
    void theDefaultCycleFiresOnTheFirstOfEveryMonthInBeijingFor26Months() throws Exception {
        DurationHelper cycle = new DurationHelper(properties.cycle(), Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        List<ZonedDateTime> firings = new ArrayList<>();
        Date after = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
        for (int i = 0; i < 26; i++) {
            Date next = cycle.getDateAfter(after);
            firings.add(next.toInstant().atZone(BEIJING));
            after = new Date(next.getTime() + 60_000);
        }
        assertThat(firings).allSatisfy(firing -> assertThat(firing.getDayOfMonth()).as(firing.toString()).isEqualTo(1));
        assertThat(firings).extracting(f -> f.getMonthValue()).containsSequence(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1);
        assertThat(firings.get(25).getYear()).isEqualTo(2028);
    }

    @Test
    void aStartAtHalfPastMidnightInBeijingWouldDrift() throws Exception {
        // The check can fail: the earlier default started at 00:30 CST, the 31st of December in UTC.
        String drifting = "R/2026-01-01T00:30:00+08:00/P1M";
        DurationHelper cycle = new DurationHelper(drifting, Date.from(Instant.parse("2026-01-01T00:00:00Z")));
        Date after = Date.from(Instant.parse("2026-03-15T00:00:00Z"));
        ZonedDateTime march = cycle.getDateAfter(after).toInstant().atZone(BEIJING);
        assertThat(march.getDayOfMonth()).as(march.toString()).isNotEqualTo(1);
    }
}
