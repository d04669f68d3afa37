package org.opensupervision.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.opensupervision.protection.ProtectionProperties.RateLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client token buckets (Bucket4j) on the public endpoints, one per rule of {@code supervision.protection
 * .rate-limits} and client address. A refused request gets 429 with {@code Retry-After}. The client address is the
 * connection's, or the one a trusted proxy reports when {@code server.forward-headers-strategy} is set.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PublicRateLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PublicRateLimits.class);

    private static final int MAX_LOGGED_PATH = 200;

    private final ProtectionProperties properties;
    private final RejectedRequests rejected;
    private final AntPathMatcher paths = new AntPathMatcher();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    PublicRateLimits(ProtectionProperties properties, RejectedRequests rejected) {
        this.properties = properties;
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        if (!properties.exemptAddresses().contains(client)) {
            for (Map.Entry<String, RateLimit> rule : properties.rateLimits().entrySet()) {
                if (applies(rule.getValue(), request)) {
                    ConsumptionProbe probe = bucket(rule.getKey(), rule.getValue(), client).tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
                        // The path as mapped and bounded: the raw URI is the client's to make megabytes long.
                        log.warn("Rate limit {} reached by client {} on {} {}; retry in {} s", rule.getKey(), client,
                                request.getMethod(), abbreviated(RequestPaths.normalised(request)), seconds);
                        response.setHeader("Retry-After", Long.toString(seconds));
                        rejected.reject(request, response, HttpStatus.TOO_MANY_REQUESTS,
                                RejectedRequests.TOO_MANY_REQUESTS, "problem.tooManyRequests");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    private boolean applies(RateLimit rule, HttpServletRequest request) {
        if (!rule.methods().isEmpty() && !rule.methods().contains(request.getMethod())) {
            return false;
        }
        // The normalised path, not the raw URI: /api/%63omplaints is the same resource as /api/complaints.
        String path = RequestPaths.normalised(request);
        return rule.paths().stream().anyMatch(pattern -> paths.match(pattern.toLowerCase(Locale.ROOT), path));
    }

    static String abbreviated(String path) {
        return path.length() <= MAX_LOGGED_PATH ? path
                : path.substring(0, MAX_LOGGED_PATH) + "…[" + (path.length() - MAX_LOGGED_PATH) + " more]";
    }

    private Bucket bucket(String rule, RateLimit limit, String client) {
        return buckets.get(rule + '|' + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }
}
