package org.opensupervision.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts wrong access codes in a sliding window, per tracking number and per client address, in memory (one
 * instance; a cluster would keep the counters in a shared store). Failures count for unknown tracking numbers too,
 * so the throttle tells nobody which numbers exist.
 */
@Component
class AccessCodeThrottle {

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final TrackingProperties properties;
    private final Clock clock = Clock.systemUTC();

    AccessCodeThrottle(TrackingProperties properties) {
        this.properties = properties;
    }

    /** Whether attempts for this tracking number or from this client are blocked for now. */
    boolean blocked(String trackingNumber, String client) {
        return count("tn:" + trackingNumber) >= properties.maxFailuresPerTrackingNumber()
                || count("ip:" + client) >= properties.maxFailuresPerClient();
    }

    void recordFailure(String trackingNumber, String client) {
        add("tn:" + trackingNumber);
        add("ip:" + client);
    }

    /** Seconds until the oldest failure in the window expires, for Retry-After. */
    long retryAfterSeconds() {
        return properties.failureWindow().toSeconds();
    }

    private int count(String key) {
        Deque<Instant> window = failures.get(key);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            prune(window);
            return window.size();
        }
    }

    private void add(String key) {
        Deque<Instant> window = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            prune(window);
            window.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> window) {
        Instant horizon = clock.instant().minus(properties.failureWindow());
        while (!window.isEmpty() && window.peekFirst().isBefore(horizon)) {
            window.removeFirst();
        }
    }
}
