package io.hadeck.watch;

import io.hadeck.model.Observation;
import io.hadeck.probe.Failures;
import io.hadeck.probe.Probe;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * One thing the watcher reads on its own schedule: a probe, how often, and where its observation
 * goes in the {@link Readings}. At most one read of a source is in flight; a tick that finds the
 * previous read still running is skipped, so a hung node only ever stalls its own slot.
 */
final class Source<T> {

    final String key;
    final Duration every;
    final boolean followsHaChanges;
    /** Sources of one lane talk to the same server; a one-shot sweep reads at most {@link #laneWidth} of them at once. */
    final String lane;
    final int laneWidth;
    private final Probe<T> probe;
    private final BiConsumer<Readings, Observation<T>> apply;

    private boolean running;
    private long startedNanos;
    private boolean reportedOverrun;
    private long lastReportNanos;
    private volatile boolean readAtLeastOnce;
    private boolean again;
    private java.util.concurrent.ScheduledFuture<?> next;

    Source(String key, Duration every, boolean followsHaChanges, Probe<T> probe,
           BiConsumer<Readings, Observation<T>> apply) {
        this(key, key, 1, every, followsHaChanges, probe, apply);
    }

    Source(String key, String lane, int laneWidth, Duration every, boolean followsHaChanges, Probe<T> probe,
           BiConsumer<Readings, Observation<T>> apply) {
        this.key = key;
        this.lane = lane;
        this.laneWidth = laneWidth;
        this.every = every;
        this.followsHaChanges = followsHaChanges;
        this.probe = probe;
        this.apply = apply;
    }

    /** Claims the source for one read; false when a read is still in flight. */
    synchronized boolean tryStart() {
        if (running) {
            return false;
        }
        running = true;
        reportedOverrun = false;
        startedNanos = System.nanoTime();
        return true;
    }

    /** A trigger arrived while reading: read again as soon as this read ends. */
    synchronized void requestAgain() {
        again = true;
    }

    synchronized boolean takeAgain() {
        boolean a = again;
        again = false;
        return a;
    }

    /** The one pending scheduled read of this source; a new one replaces (cancels) the old. */
    synchronized void setNext(java.util.concurrent.ScheduledFuture<?> f) {
        if (next != null) {
            next.cancel(false);
        }
        next = f;
    }

    /** Reads (blocking, bounded by the probe's own timeouts) and records the observation. */
    void readInto(Readings readings) {
        readInto(readings, probe.timeout());
    }

    /** Reads within {@code limit} (a one-shot deadline) when that is shorter than the probe's timeout. */
    void readInto(Readings readings, Duration limit) {
        try {
            Observation<T> o = probe.read(limit);
            apply.accept(readings, o);
        } finally {
            readAtLeastOnce = true;
            synchronized (this) {
                running = false;
            }
        }
    }

    /**
     * A read overrunning its timeout (a client that ignores its own timeouts, a SIGSTOPped server)
     * is reported as a failed observation so panes show it, while the read itself keeps its slot.
     * The report is made again every poll interval while the read hangs: "no answer" is then news
     * about now, and is not taken for a late reading (see {@link Lateness}).
     */
    synchronized boolean reportOverrun(Readings readings, Instant now) {
        long nowNanos = System.nanoTime();
        Duration elapsed = Duration.ofNanos(nowNanos - startedNanos);
        if (!running || elapsed.compareTo(probe.timeout().plusSeconds(1)) <= 0
                || reportedOverrun && nowNanos - lastReportNanos < every.toNanos()) {
            return false;
        }
        reportedOverrun = true;
        lastReportNanos = nowNanos;
        readAtLeastOnce = true;
        apply.accept(readings, Observation.failed("no answer: " + Failures.timedOut(probe.timeout()), now, elapsed));
        return true;
    }

    /** one-shot sweep's deadline passed with this source still reading. */
    synchronized void reportOverrunNow(Readings readings, Instant now, Duration waited) {
        if (running) {
            reportedOverrun = true;
            apply.accept(readings, Observation.failed(Failures.timedOut(waited), now, waited));
        }
    }

    boolean readAtLeastOnce() {
        return readAtLeastOnce;
    }

    Probe<T> probe() {
        return probe;
    }
}
