package io.hadeck.watch;

import io.hadeck.model.HaManagerKind;
import io.hadeck.probe.pg.PostgresReader;
import io.hadeck.threads.Threads;
import io.hadeck.config.ClusterConfig;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.ReadProgress;
import io.hadeck.model.SnapshotSource;
import io.hadeck.probe.Failures;
import io.hadeck.probe.etcd.EtcdWatch;
import io.hadeck.probe.patroni.PatroniReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Polls every source of one cluster on its own schedule, each read on a worker of its own (one
 * worker per source, so a hung node never delays another node's reading), follows the HA
 * manager's keys with an etcd watch (a leader change triggers the Patroni and PostgreSQL reads at
 * once), and publishes an immutable snapshot with findings after every reading.
 */
public class ClusterWatcher implements SnapshotSource, AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger(ClusterWatcher.class);
    /** Recent snapshots kept (10–20 s of a busy cluster: a reading publishes one): enough for the lag
     *  sparkline's first fill; 600 held ~20 MiB that the 60-minute soak saw as heap growth. */
    static final int HISTORY = 240;
    private static final long COALESCE_MS = 20;

    private final ClusterConfig cfg;
    private final Clock clock;
    private final Sources.Shared shared;
    private final List<Source<?>> sources;
    private final Readings readings;
    private final ScheduledExecutorService ticks;
    private final ExecutorService workers;
    private final PublishedSnapshots published = new PublishedSnapshots(HISTORY);
    private final AtomicBoolean publishPending = new AtomicBoolean();
    private long seq;
    private EtcdWatch watch;
    private boolean closed;
    private volatile Instant lastWatchEvent;

    public ClusterWatcher(ClusterConfig cfg, Clock clock) {
        this.cfg = cfg;
        this.clock = clock;
        this.shared = Sources.Shared.of(cfg);
        this.sources = Sources.of(cfg, clock, shared, PostgresReader.Explain.IN_THE_BACKGROUND);
        this.readings = new Readings(cfg);
        this.ticks = Executors.newSingleThreadScheduledExecutor(Threads.numbered("hadeck-watch-tick"));
        // A virtual thread per read: a read blocks on its node's socket, and a hung node costs no platform thread.
        this.workers = Executors.newThreadPerTaskExecutor(Threads.virtual("hadeck-read"));
    }

    /**
     * Publishes a snapshot from the config alone at once (every node, nothing read yet: a console
     * draws its first frame from it) and starts every source. The etcd watch's client is built on a
     * thread of its own: building it takes a few hundred ms, which the first frame must not wait for.
     */
    public void start() {
        publish();
        for (Source<?> s : sources) {
            ticks.execute(() -> trigger(s));
        }
        ticks.scheduleWithFixedDelay(this::reportOverruns, 500, 500, TimeUnit.MILLISECONDS);
        if (cfg.manager() == HaManagerKind.PATRONI && cfg.etcd() != null && !cfg.etcd().endpoints().isEmpty()) {
            Threads.virtual("hadeck-etcd-watch-start").newThread(this::startWatch).start();
        }
    }

    private void startWatch() {
        EtcdWatch w;
        try {
            w = new EtcdWatch(shared.watch().get(), PatroniReader.prefix(cfg), this::onHaKeysChanged,
                    e -> LOG.warn("etcd watch failed; polling continues: {}", e));
        } catch (RuntimeException e) {
            LOG.warn("cannot watch etcd; polling only: {}", Failures.describe(e, cfg.timeouts().connect()));
            return;
        }
        synchronized (this) {
            if (!closed) {
                watch = w;
                return;
            }
        }
        w.close();   // closed while the client was being built
    }

    /** Reads every source now (skipping those still reading). */
    public void refreshNow() {
        sources.forEach(s -> ticks.execute(() -> trigger(s)));
    }

    /** When the last etcd watch event arrived (for measuring change-to-snapshot latency). */
    public Optional<Instant> lastWatchEvent() {
        return Optional.ofNullable(lastWatchEvent);
    }

    private void onHaKeysChanged(Map<String, String> changes) {
        lastWatchEvent = clock.instant();
        LOG.debug("HA keys changed: {}", changes.keySet());
        if (changes.containsKey("leader")) {
            // The watch event is itself a reading of the leader key: publish it now, the full
            // HA-manager read follows and fills in the members.
            if (readings.leaderKey(changes.get("leader"), clock.instant())) {
                ticks.execute(this::publish);
            }
        }
        // members/* and status change with every Patroni loop (WAL positions): the polls cover them.
        if (changes.keySet().stream().allMatch(k -> k.startsWith("members/") || k.equals("status"))) {
            return;
        }
        for (Source<?> s : sources) {
            if (s.followsHaChanges) {
                ticks.execute(() -> trigger(s));
                // PostgreSQL is promoted a moment after the key moves: look again shortly.
                ticks.schedule(() -> trigger(s), 700, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Starts a read of {@code s} unless one is in flight (then it runs again right after). Each
     * source schedules its own next read one interval after this one started, so a slow read
     * delays only its own source and a source keeps its pace whenever its reads fit the interval.
     */
    private void trigger(Source<?> s) {
        if (!s.tryStart()) {
            s.requestAgain();   // previous read still in flight: this node waits alone
            return;
        }
        try {
            workers.execute(() -> {
                long start = System.nanoTime();
                try {
                    s.readInto(readings);
                } catch (RuntimeException e) {
                    LOG.warn("reading {} failed unexpectedly: {}", s.key, e.toString());
                }
                schedulePublish();
                long spent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                long delay = s.takeAgain() ? 0 : Math.max(0, s.every.toMillis() - spent);
                try {
                    s.setNext(ticks.schedule(() -> trigger(s), delay, TimeUnit.MILLISECONDS));
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    // closing
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    private void reportOverruns() {
        Instant now = clock.instant();
        boolean any = false;
        for (Source<?> s : sources) {
            any |= s.reportOverrun(readings, now);
        }
        // A reading that became late since the last snapshot is shown as such even if nothing lands.
        ClusterSnapshot last = published.latest().orElse(null);
        if (any || last != null && !Lateness.of(last, cfg, now).equals(last.progress().lateLayers())) {
            schedulePublish();
        }
    }

    /** Readings finishing within a few ms of each other make one snapshot, not several. */
    private void schedulePublish() {
        if (publishPending.compareAndSet(false, true)) {
            try {
                ticks.schedule(this::publish, COALESCE_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                publishPending.set(false);
            }
        }
    }

    private void publish() {
        publishPending.set(false);
        // Checked before building: every reading that counts is already in the Readings.
        boolean allRead = sources.stream().allMatch(Source::readAtLeastOnce);
        published.add(() -> {
            // No findings before every source has answered once: "no primary" while PostgreSQL is
            // still being read would be a false alarm on screen and in the event log.
            Instant now = clock.instant();
            ClusterSnapshot read = readings.snapshot(++seq, now);
            ReadProgress progress = Pending.of(sources, cfg).withLate(Lateness.of(read, cfg, now));
            read = read.withProgress(progress);
            return progress.complete() ? withFindings(read, cfg) : read;
        });
        if (allRead) {
            published.everySourceRead();
        }
    }

    /** The one call site of the findings engine; a failing rule must not stop the watcher. */
    static ClusterSnapshot withFindings(ClusterSnapshot s, ClusterConfig cfg) {
        try {
            List<Finding> f = FindingsEngine.derive(s, cfg);
            return s.withFindings(f);
        } catch (RuntimeException e) {
            LOG.warn("findings failed on snapshot {}: {}", s.seq(), e.toString());
            return s;
        }
    }

    /** Blocks until every source was read at least once (or timed out), then returns the latest snapshot. */
    public ClusterSnapshot awaitFirstFull(Duration timeout) throws InterruptedException {
        Optional<ClusterSnapshot> s = published.awaitEverySourceRead(timeout);
        if (s.isPresent()) {
            return s.get();
        }
        publish();
        return published.latest().orElseThrow();
    }

    @Override
    public Optional<ClusterSnapshot> latest() {
        return published.latest();
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterSnapshot> listener) {
        return published.subscribe(listener);
    }

    public List<ClusterSnapshot> history() {
        return published.history();
    }

    @Override
    public void close() {
        EtcdWatch w;
        synchronized (this) {
            closed = true;
            w = watch;
        }
        if (w != null) {
            w.close();
        }
        ticks.shutdownNow();
        workers.shutdownNow();
        sources.forEach(s -> closeQuietly(s.probe()));
        shared.close();
    }

    static void closeQuietly(Object o) {
        if (o instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }
}
