package io.hadeck.console.session;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.config.ClusterConfig;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.events.EventLog;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.journal.Journal;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import io.hadeck.watch.ClusterWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * This invocation's link to the current cluster: a one-shot read for short commands, or a watcher
 * for long-lived modes (REPL, TUI, watch, wait-for) with its event log and the journal recording
 * them; or recorded snapshots replayed instead of live readers.
 */
public final class ClusterConnection {

    private final Settings settings;
    private final Clock clock;
    /** Recorded snapshots instead of live readers (tests, replaying a recording); null when live. */
    private final Supplier<ClusterSnapshot> replay;
    private ClusterWatcher watcher;
    private EventLog events;
    /** Whether {@link #watcher} has been started (a console starts it after its first frame). */
    private boolean watching;
    private Journal journal;
    private Recording recording;
    /** Inside a batch: the snapshot consecutive reading lines share, and when it was taken (nanoTime). */
    private boolean sharingReadings;
    private ClusterSnapshot sharedReading;
    private long sharedReadingAt;

    ClusterConnection(Settings settings, Clock clock, Supplier<ClusterSnapshot> replay) {
        this.settings = settings;
        this.clock = clock;
        this.replay = replay;
    }

    /**
     * The newest snapshot with its findings: the watcher's when one runs, else a one-shot read of
     * every source in parallel. Never throws for unreachable sources; they are failed observations.
     */
    public ClusterSnapshot snapshot() {
        ClusterSnapshot s;
        boolean live;
        synchronized (this) {
            if (sharingReadings && sharedReading != null
                    && System.nanoTime() - sharedReadingAt < pollInterval().toNanos()) {
                return sharedReading;
            }
            s = replay != null ? replay.get() : null;
            live = watcher != null;
        }
        if (s == null) {
            // A watcher publishes as each source answers; until every source has been read once its
            // snapshot says "unknown" for the rest, and wait-for/assert must not judge on that.
            s = live ? awaitFirst() : OneShotSweep.SYSTEM.read(settings.cluster(), readTimeout());
        }
        s = s.withFindings(FindingsEngine.derive(s, settings.cluster()));
        synchronized (this) {
            if (sharingReadings) {
                sharedReading = s;
                sharedReadingAt = System.nanoTime();
            }
        }
        return s;
    }

    /**
     * A batch turns this on for its run: consecutive lines that only read (assert, status…) are
     * judged on one fresh snapshot instead of a full read each (the morning check: 9 reads were 9.4 s).
     * The batch calls {@link #forgetReading} after any line that acts or lets time pass (an action,
     * `sleep`, `wait-for`); a snapshot older than the shortest poll interval is read again anyway.
     */
    public synchronized void shareReadings(boolean on) {
        sharingReadings = on;
        sharedReading = null;
    }

    /** The next reading line reads the cluster afresh. */
    public synchronized void forgetReading() {
        sharedReading = null;
    }

    /** The shortest poll interval of the cluster: how old a shared batch snapshot may get. */
    private Duration pollInterval() {
        ClusterConfig.Poll p = settings.cluster().poll();
        return Stream.of(p.etcd(), p.postgres(), p.patroni(), p.elasticsearch(), p.drbd())
                .filter(Objects::nonNull).min(Duration::compareTo).orElse(Duration.ofSeconds(1));
    }

    /** The watcher's newest snapshot with findings, without waiting; empty when none yet. */
    public Optional<ClusterSnapshot> latest() {
        ClusterWatcher w;
        synchronized (this) {
            if (replay != null) {
                return Optional.of(snapshot());
            }
            w = watcher;
        }
        return w == null ? Optional.empty()
                : w.latest().map(s -> s.progress().complete()
                        ? s.withFindings(FindingsEngine.derive(s, settings.cluster())) : s);
    }

    /** A watcher for long-lived modes, started on first use and closed with the session. */
    public synchronized SnapshotSource source() {
        SnapshotSource s = source(false);
        startWatching();
        return s;
    }

    /**
     * The source, its readers not started yet when {@code started} is false: the console draws its
     * first frame from the configuration before the readers take the machine's cores, then calls
     * {@link #startWatching()}.
     */
    public synchronized SnapshotSource source(boolean started) {
        if (started) {
            return source();
        }
        ClusterConfig cluster = settings.cluster();
        if (replay != null) {
            ReplaySource source = new ReplaySource(this::snapshot);
            if (events == null) {
                events = new EventLog(source, 500, cluster.thresholds());
            }
            return source;
        }
        if (watcher == null) {
            watcher = new ClusterWatcher(cluster, clock);
            events = new EventLog(watcher, 500, cluster.thresholds());
            recording = Recording.attach(events, journalOrNull(), settings.config(), cluster, clock);
        }
        return watcher;
    }

    /** Starts the watcher's readers, once; nothing to do for a replay. */
    public synchronized void startWatching() {
        if (watcher != null && !watching) {
            watching = true;
            watcher.start();
        }
    }

    /**
     * Switches to another cluster of the configuration (the console's `:cluster NAME`): the old
     * watcher is closed, the new one started. Throws ConfigException for an unknown name.
     */
    public SnapshotSource switchCluster(String name) {
        ClusterConfig next = settings.config().pick(name);
        synchronized (this) {
            closeWatcher();
            settings.use(next);
        }
        return source();
    }

    /** The event log of the running watcher (starting one if needed). */
    public EventLog events() {
        source();
        return events;
    }

    /**
     * The incident journal, opened on first use (never for --version, help or one-shot reads).
     *
     * @throws io.hadeck.journal.JournalException when it cannot be opened
     */
    public synchronized Journal journal() {
        if (journal == null) {
            journal = Journal.open(settings.config().journal(), clock);
        }
        return journal;
    }

    /** The journal for a watcher to write to, null (and logged) when it cannot be opened. */
    private Journal journalOrNull() {
        if (journal == null) {
            journal = Recording.openQuietly(settings.config(), clock);
        }
        return journal;
    }

    public synchronized boolean watching() {
        return watcher != null || replay != null;
    }

    /** Wakes the watcher so the next snapshot comes soon (wait-for after an action). */
    public void refresh() {
        ClusterWatcher w;
        synchronized (this) {
            w = watcher;
        }
        if (w != null) {
            w.refreshNow();
        }
    }

    private ClusterSnapshot awaitFirst() {
        try {
            return watcher.awaitFirstFull(readTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException(ExitCode.INTERRUPTED, "cancelled");
        }
    }

    private Duration readTimeout() {
        ClusterConfig.Timeouts t = settings.cluster().timeouts();
        return t.connect().plus(t.read()).plusSeconds(1);
    }

    /** The watcher, its recording and events, then the journal. */
    synchronized void close() {
        closeWatcher();
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** The watcher first (no more snapshots), then what records them, so the last events are written. */
    private void closeWatcher() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
            watching = false;
        }
        if (recording != null) {
            recording.close();
            recording = null;
        }
        if (events != null) {
            events.close();
            events = null;
        }
    }

    /** Recorded snapshots as a source: latest() reads the next one; nothing is pushed. */
    private record ReplaySource(Supplier<ClusterSnapshot> next) implements SnapshotSource {
        public Optional<ClusterSnapshot> latest() {
            return Optional.of(next.get());
        }

        public AutoCloseable subscribe(Consumer<ClusterSnapshot> listener) {
            return () -> { };
        }
    }
}
