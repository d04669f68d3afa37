package org.opensupervision.protection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code supervision.protection.*}: the limits on public endpoints.
 *
 * @param maxBodySize     the largest request body the application (outside the Camunda webapps and engine API)
 *                        accepts; larger ones get 413
 * @param maxBatchBodySize the largest body of the endpoints that take batches (approval events of up to 1,000, a
 *                        catalogue file by API or on the staff page): 2 MB
 * @param exemptAddresses client addresses no rate limit applies to (e.g. a monitoring host)
 * @param rateLimits      named rules: which requests, and how many of them one client may send per period
 */
@ConfigurationProperties("supervision.protection")
public record ProtectionProperties(DataSize maxBodySize, DataSize maxBatchBodySize, List<String> exemptAddresses,
                                   Map<String, RateLimit> rateLimits) {

    /** The endpoints that take batches, with the larger limit. */
    public static final List<String> BATCH_PATHS = List.of("/api/approval-events", "/api/approval-items",
            "/staff/approval-items");

    public ProtectionProperties {
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
        maxBatchBodySize = maxBatchBodySize == null ? DataSize.ofMegabytes(2) : maxBatchBodySize;
        exemptAddresses = exemptAddresses == null ? List.of() : List.copyOf(exemptAddresses);
        rateLimits = rateLimits == null ? Map.of() : new LinkedHashMap<>(rateLimits);
    }

    /**
     * One rule: requests with one of these methods (all when empty) to one of these path patterns; a client gets
     * {@code capacity} of them, refilled over {@code period}.
     */
    public record RateLimit(List<String> methods, List<String> paths, int capacity, Duration period) {

        public RateLimit {
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a period");
            }
        }
    }
}
