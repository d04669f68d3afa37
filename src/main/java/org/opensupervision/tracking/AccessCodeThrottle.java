package org.opensupervision.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts wrong access codes in a sliding window, per tracking number and per client address, in memory (one
 * instance; a cluster would keep the counters in a shared store). Failures count for unknown tracking numbers too,
 * so the throttle tells nobody which numbers exist.
 *
 * <p>The counters live in a Caffeine cache, not a plain map: a key untouched for a whole window holds only expired
 * failures and is dropped, and at most {@value #MAX_KEYS} keys are kept, so a stranger sending wrong codes for ever
 * new tracking numbers cannot grow the memory of a public endpoint without bound.
 */
@Component
class AccessCodeThrottle {

    /** Keys kept at most (tracking numbers and client addresses together). */
    static final long MAX_KEYS = 100_000;

    private final Cache<String, Deque<Instant>> failures;
    private final TrackingProperties properties;
    private final Clock clock;

    @Autowired
    AccessCodeThrottle(TrackingProperties properties) {
        this(properties, Clock.systemUTC(), Ticker.systemTicker());
    }

    AccessCodeThrottle(TrackingProperties properties, Clock clock, Ticker ticker) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().expireAfterAccess(properties.failureWindow()).maximumSize(MAX_KEYS)
                .ticker(ticker).build();
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

    /** How many keys are held now (after the cache's pending clean-up). */
    long keys() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** Forgets every failure counted so far (tests that send many wrong codes from one address). */
    void forgetAll() {
        failures.invalidateAll();
    }

    private int count(String key) {
        Deque<Instant> window = failures.getIfPresent(key);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            prune(window);
            return window.size();
        }
    }

    private void add(String key) {
        Deque<Instant> window = failures.get(key, k -> new ArrayDeque<>());
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
