package org.opensupervision.bench;

import java.util.Arrays;
import java.util.Locale;

/** Recorded durations in microseconds, with percentiles by the nearest-rank method. */
final class Latencies {

    private long[] micros = new long[1024];
    private int size;

    synchronized void add(long durationMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = durationMicros;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.micros[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile in milliseconds (nearest rank); 0 when empty. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1000.0;
    }

    /** {@code prefix_p50=... prefix_p95=... prefix_p99=... prefix_max=...} in milliseconds. */
    String summary(String prefix) {
        return String.format(Locale.ROOT, "%1$s_p50_ms=%2$.1f%n%1$s_p95_ms=%3$.1f%n%1$s_p99_ms=%4$.1f%n%1$s_max_ms=%5$.1f",
                prefix, percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}
