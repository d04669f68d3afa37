package org.opensupervision.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins, counted per client address and per account, in memory (one node; a cluster counts per node, which
 * only multiplies the allowance by the number of nodes). After the free failures each further failure makes the next
 * attempt wait, doubling from {@code firstDelay} up to a maximum; an attempt during the wait is refused before any
 * password is checked, and is not counted. Nothing here is permanent: the wait ends by itself, and a success resets the
 * account.
 */
@Component
class LoginFailures {

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Cache<String, Record> records = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1)).build();

    LoginFailures(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this client or account must still wait, zero when it may try. */
    Duration waitFor(String client, String account) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        if (client != null && !properties.exemptAddresses().contains(client)) {
            wait = longer(wait, remaining(records.getIfPresent(clientKey(client)), now));
        }
        if (account != null) {
            wait = longer(wait, remaining(records.getIfPresent(accountKey(account)), now));
        }
        return wait;
    }

    void failed(String client, String account) {
        Instant now = clock.instant();
        if (client != null && !properties.exemptAddresses().contains(client)) {
            records.asMap().compute(clientKey(client), (key, old) -> next(old, now,
                    properties.freeFailuresPerClient(), properties.maxDelayPerClient()));
        }
        if (account != null) {
            records.asMap().compute(accountKey(account), (key, old) -> next(old, now,
                    properties.freeFailuresPerAccount(), properties.maxDelayPerAccount()));
        }
    }

    /** The account's owner got in: its failures are over. The address's are not (one's own account resets nothing). */
    void succeeded(String account) {
        if (account != null) {
            forget(account);
        }
    }

    /** An administrator lifts the wait of an account at once. */
    void forget(String account) {
        records.invalidate(accountKey(account));
    }

    private Record next(Record old, Instant now, int free, Duration max) {
        int count = old == null || old.lastFailure().plus(properties.forgetAfter()).isBefore(now)
                || old.lastFailure().isAfter(now) ? 1 : old.count() + 1;
        Instant blockedUntil = now;
        if (count > free) {
            int doublings = Math.min(count - free - 1, 30);
            Duration delay = properties.firstDelay().multipliedBy(1L << doublings);
            blockedUntil = now.plus(delay.compareTo(max) > 0 ? max : delay);
        }
        return new Record(count, now, blockedUntil);
    }

    /**
     * The wait left. A record whose last failure lies after now was made before the clock was set back (the clock is
     * the engine's, which tests and operators may move): it blocks nothing, else a wait would last as long as the jump.
     */
    private static Duration remaining(Record record, Instant now) {
        return record == null || !record.blockedUntil().isAfter(now) || record.lastFailure().isAfter(now)
                ? Duration.ZERO : Duration.between(now, record.blockedUntil());
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String clientKey(String client) {
        return "client|" + client;
    }

    private static String accountKey(String account) {
        return "account|" + account.toLowerCase(Locale.ROOT);
    }

    private record Record(int count, Instant lastFailure, Instant blockedUntil) {
    }
}
