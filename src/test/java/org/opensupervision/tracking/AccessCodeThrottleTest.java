package org.opensupervision.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The throttle of wrong access codes on the public tracking endpoint keeps its memory bounded (issue 15, item 5):
 * counters of keys untouched for a whole window are dropped, and a flood of ever new tracking numbers is capped.
 */
class AccessCodeThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final AtomicLong nanos = new AtomicLong();
    private Instant now = Instant.parse("2026-12-05T01:00:00Z");

    private AccessCodeThrottle throttle() {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new AccessCodeThrottle(new TrackingProperties(5, 20, WINDOW), clock, nanos::get);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void blocksAfterTheLimitAndForgetsAWindowLater() {
        AccessCodeThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blocked("TS1", "10.0.0.1")).isFalse();
            throttle.recordFailure("TS1", "10.0.0.1");
        }
        assertThat(throttle.blocked("TS1", "10.0.0.2")).as("the tracking number, from any address").isTrue();
        assertThat(throttle.keys()).isEqualTo(2);

        advance(WINDOW.plusSeconds(1));
        assertThat(throttle.blocked("TS1", "10.0.0.1")).isFalse();
        assertThat(throttle.keys()).as("keys untouched for a whole window are dropped").isZero();
    }

    @Test
    void aFloodOfNewTrackingNumbersCannotGrowTheMemoryWithoutBound() {
        AccessCodeThrottle throttle = throttle();
        long sent = AccessCodeThrottle.MAX_KEYS + 50_000;
        for (long i = 0; i < sent; i++) {
            // Many addresses too, as a botnet would: no client reaches its own limit.
            throttle.recordFailure("TS" + i, "10." + (i % 251) + "." + (i / 251 % 251) + "." + (i / 63_001));
        }
        assertThat(throttle.keys()).isLessThanOrEqualTo(AccessCodeThrottle.MAX_KEYS);
    }
}
