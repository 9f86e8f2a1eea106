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

    protected Probe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Reads the source once; any exception becomes the observation's error text. */
    protected abstract T fetch() throws Exception;

    public final Observation<T> read() {
        long start = System.nanoTime();
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
