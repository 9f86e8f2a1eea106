package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.probe.pg.PostgresReader;
import io.hadeck.threads.Threads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One snapshot for a one-shot command: every source of a cluster read once, in parallel, against a
 * deadline. Apart from {@link ClusterWatcher}, which keeps reading on a schedule; both read through
 * the same {@link Source}s into the same {@link Readings}. Time stamps come from the injected clock
 * and reads run on the injected executor, so tests and benchmarks can give their own.
 */
public final class OneShotSweep {

    /** The system clock and a virtual thread per lane worker (see {@link #read}). */
    public static final OneShotSweep SYSTEM = new OneShotSweep(Clock.systemUTC(),
            Executors.newThreadPerTaskExecutor(Threads.virtual("hadeck-once")));

    private final Clock clock;
    private final ExecutorService workers;

    public OneShotSweep(Clock clock, ExecutorService workers) {
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * One snapshot for one-shot commands: every source read once, in parallel, so the wall time is
     * about the slowest single read. The deadline counts from this call (client set-up included);
     * readers get a little less so that what answered in time lands, and a source still reading (or
     * still queued behind its own hung server) at the deadline shows as timed out. Sources naming
     * the same server share a lane of a few workers (that server would only make them queue for its
     * connections anyway). Workers are virtual threads: 300 platform thread starts took 0.1–2 s on
     * the 2-core lab machine, virtual ones cost microseconds, and a worker cancelled at the deadline
     * is interrupted, which closes the socket it is blocked on (a hung PostgreSQL read ends then, not
     * at pgjdbc's socketTimeout). Clients are closed in the background: the caller has its snapshot
     * at the deadline, not after the last hung socket is torn down.
     */
    public ClusterSnapshot read(ClusterConfig cfg, Duration timeout) {
        return read(cfg, timeout, key -> true);
    }

    /**
     * Like {@link #read(ClusterConfig, Duration)}, reading only the sources whose key passes
     * {@code which} ("etcd", "patroni", "postgres node-1", "drbd drbd-a", …): a guided action reads
     * fresh only what its preflight needs. Layers not read stay absent from the snapshot.
     */
    public ClusterSnapshot read(ClusterConfig cfg, Duration timeout, Predicate<String> which) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long readersDeadline = deadline - Duration.ofMillis(Math.max(20, timeout.toMillis() / 20)).toNanos();
        Sources.Shared shared = Sources.Shared.of(cfg);
        List<Source<?>> sources = Sources.of(cfg, clock, shared, PostgresReader.Explain.IN_THE_READ).stream().filter(s -> which.test(s.key)).toList();
        Readings readings = new Readings(cfg);
        Map<String, Queue<Source<?>>> lanes = new LinkedHashMap<>();
        sources.forEach(s -> lanes.computeIfAbsent(s.lane, k -> new ConcurrentLinkedQueue<>()).add(s));
        List<Future<?>> started = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(sources.size());
        // Every worker is started before any reads: a worker reading at once competes with the starting of the rest.
        CountDownLatch go = new CountDownLatch(1);
        try {
            sources.forEach(Source::tryStart);
            for (Queue<Source<?>> lane : lanes.values()) {
                for (int w = Math.min(lane.size(), lane.peek().laneWidth); w > 0; w--) {
                    started.add(workers.submit(() -> readLane(lane, readersDeadline, readings, done, go)));
                }
            }
            go.countDown();
            if (!done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                Instant now = clock.instant();
                sources.forEach(s -> s.reportOverrunNow(readings, now, timeout));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.execute(() -> {
                started.forEach(w -> w.cancel(true));   // frees workers still stuck on a hung server
                sources.forEach(s -> ClusterWatcher.closeQuietly(s.probe()));
                shared.close();
            });
        }
        return ClusterWatcher.withFindings(readings.snapshot(1, clock.instant()), cfg);
    }

    private static void readLane(Queue<Source<?>> lane, long readersDeadline, Readings readings,
                                 CountDownLatch done, CountDownLatch go) {
        try {
            go.await();
            for (Source<?> s = lane.poll(); s != null; s = lane.poll()) {
                try {
                    s.readInto(readings, Duration.ofNanos(Math.max(0, readersDeadline - System.nanoTime())));
                } catch (RuntimeException e) {
                    ClusterWatcher.LOG.warn("reading {} failed unexpectedly: {}", s.key, e.toString());
                } finally {
                    done.countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // the deadline passed: read has reported what is left
        }
    }
}
