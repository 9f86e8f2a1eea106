package io.hadeck.console.tui;

import java.time.Duration;
import java.util.Locale;

/**
 * How long the console takes to draw a frame and put it on the terminal, kept as a histogram
 * (0.1 ms buckets up to 100 ms, 10 ms buckets up to 10 s) so a long session costs a few KiB.
 * The console logs it once a minute and at exit; the soak reads the last line: the operator's
 * wait for a frame, measured where it happens rather than guessed from outside. One instance
 * holds wall time, another the drawing thread's CPU time: on a loaded host the first is the
 * wait, the second the console's own cost.
 */
final class FrameTimes {
    private static final int FINE = 1_000;        // 0.1 ms each, up to 100 ms
    private static final int COARSE = 990;        // 10 ms each, from 100 ms up to 10 s
    private static final long FINE_NANOS = 100_000;
    private static final long COARSE_NANOS = 10_000_000;

    private final long[] counts = new long[FINE + COARSE + 1];
    private long n;
    private long maxNanos;

    void add(long nanos) {
        counts[bucket(Math.max(0, nanos))]++;
        n++;
        maxNanos = Math.max(maxNanos, nanos);
    }

    long count() {
        return n;
    }

    /** The upper edge of the bucket holding the q-quantile (q in 0..1); zero before the first frame. */
    Duration quantile(double q) {
        if (n == 0) {
            return Duration.ZERO;
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return Duration.ofNanos(b == counts.length - 1 ? maxNanos : Math.min(upperEdge(b), maxNanos));
            }
        }
        return Duration.ofNanos(maxNanos);
    }

    Duration max() {
        return Duration.ofNanos(maxNanos);
    }

    /** "n=1234 p50 1.2 ms p99 8.4 ms max 31.0 ms". */
    String summary() {
        return String.format(Locale.ROOT, "n=%d p50 %.1f ms p99 %.1f ms max %.1f ms", n,
                millis(quantile(0.50)), millis(quantile(0.99)), millis(max()));
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static int bucket(long nanos) {
        if (nanos < FINE * FINE_NANOS) {
            return (int) (nanos / FINE_NANOS);
        }
        return (int) Math.min(FINE + (nanos - FINE * FINE_NANOS) / COARSE_NANOS, FINE + COARSE);
    }

    private static long upperEdge(int b) {
        return b < FINE ? (b + 1) * FINE_NANOS : FINE * FINE_NANOS + (b - FINE + 1) * COARSE_NANOS;
    }
}
