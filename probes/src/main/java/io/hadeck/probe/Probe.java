package io.hadeck.probe;

import io.hadeck.model.Observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The common half of every reader: timing, the timeout it must honour, and turning any failure
 * into a failed {@link Observation} with a short operator message. Subclasses implement only
 * {@link #fetch()}, the part specific to their source, and pass {@link #timeout()} to their client.
 */
public abstract class Probe<T> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Probe.class);

    private final Duration timeout;
    private final Clock clock;
    /** End of the read in progress (nanoTime): its timeout, or sooner when the caller has a deadline. */
    private volatile long readEndsNanos;

    protected Probe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads the source once; any exception becomes the observation's error text. */
    protected abstract T fetch() throws Exception;

    public final Observation<T> read() {
        return read(timeout);
    }

    /**
     * Reads within {@code limit} when that is shorter than the probe's own timeout (a one-shot sweep
     * with a deadline): readers that fan out hand back what answered in time instead of nothing.
     */
    public final Observation<T> read(Duration limit) {
        long start = System.nanoTime();
        readEndsNanos = start + Math.min(timeout.toNanos(), Math.max(0, limit.toNanos()));
        try {
            T value = fetch();
            return Observation.ok(value, clock.instant(), since(start));
        } catch (Exception | LinkageError | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("{} read failed", getClass().getSimpleName(), e);   // the trace goes to the log file only
            return Observation.failed(Failures.describe(e, timeout), clock.instant(), since(start));
        }
    }

    public Duration timeout() {
        return timeout;
    }

    /** What is left of the current read's time: pass this, not {@link #timeout()}, to waits inside fetch(). */
    protected Duration budget() {
        return Duration.ofNanos(Math.max(0, readEndsNanos - System.nanoTime()));
    }

    protected Clock clock() {
        return clock;
    }

    protected Instant now() {
        return clock.instant();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
