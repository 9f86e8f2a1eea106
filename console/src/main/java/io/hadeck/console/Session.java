package io.hadeck.console;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.ConfigLoader;
import io.hadeck.config.HadeckConfig;
import io.hadeck.console.commands.CommandException;
import io.hadeck.console.commands.Shell;
import io.hadeck.console.condition.Vocabulary;
import io.hadeck.events.EventLog;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import io.hadeck.watch.ClusterWatcher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one hadeck invocation knows: the configuration (loaded on first use, so `drbd parse` and
 * `help` work without one), the chosen cluster, a watcher started only by long-lived modes
 * (REPL, TUI, watch, wait-for), variables for batch files, and how to ask for confirmation.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    /** @param configFile --config or null; clusterName --cluster or null; assumeYes --yes */
    public record Options(String configFile, String clusterName, String theme, boolean readOnly, boolean assumeYes) {
    }

    private Options options;
    private Integer exitRequested;
    private final Clock clock;
    private final Map<String, String> variables = new TreeMap<>();
    private Confirmer confirmer;
    private io.hadeck.actions.runbook.FrontEnd frontEnd = io.hadeck.actions.runbook.FrontEnd.ONE_SHOT;
    private java.util.function.Consumer<io.hadeck.actions.catalogue.ActionRequest> actionDialogs;
    private HadeckConfig config;
    private ClusterConfig cluster;
    private ClusterWatcher watcher;
    private EventLog events;
    /** Whether {@link #watcher} has been started (a console starts it after its first frame). */
    private boolean watching;
    private io.hadeck.journal.Journal journal;
    private Recording recording;
    private Shell shell;
    private boolean continueOnError;

    private java.util.function.Supplier<ClusterSnapshot> replay;
    /** Inside a batch: the snapshot consecutive reading lines share, and when it was taken (nanoTime). */
    private boolean sharingReadings;
    private ClusterSnapshot sharedReading;
    private long sharedReadingAt;

    public Session(Options options, Clock clock, Confirmer confirmer) {
        this.options = options;
        this.clock = clock;
        this.confirmer = confirmer;
    }

    /**
     * A session fed recorded snapshots instead of live readers (tests, replaying a recording):
     * every read returns the supplier's next snapshot for {@code cluster}.
     */
    public static Session replaying(ClusterConfig cluster, java.util.function.Supplier<ClusterSnapshot> snapshots,
                                    Clock clock, Confirmer confirmer) {
        Session s = new Session(new Options(null, cluster.name(), null, false, false), clock, confirmer);
        s.cluster = cluster;
        s.replay = snapshots;
        return s;
    }

    public synchronized Options options() {
        return options;
    }

    /** The command line's global options, applied once before the first command runs. */
    public synchronized void configure(Options o) {
        if (config != null && !java.util.Objects.equals(o.configFile(), options.configFile())) {
            config = null;
        }
        if (replay == null) {
            cluster = null;
        }
        options = o;
    }

    /** `exit [CODE]` asks the REPL or batch runner to stop with this code. */
    public synchronized void requestExit(int code) {
        exitRequested = code;
    }

    public synchronized Integer exitRequested() {
        return exitRequested;
    }

    public Clock clock() {
        return clock;
    }

    public synchronized HadeckConfig config() {
        if (config == null) {
            Path file = ConfigLoader.locate(options.configFile());
            config = ConfigLoader.load(file);
            LOG.info("configuration {} loaded", file);
        }
        return config;
    }

    public synchronized ClusterConfig cluster() {
        if (cluster == null) {
            cluster = config().pick(options.clusterName());
        }
        return cluster;
    }

    /** Node and resource names of the current cluster, or null when there is no usable config. */
    public Vocabulary vocabulary() {
        try {
            return Vocabulary.of(cluster());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Read-only: --read-only, or the cluster is marked readOnly in the config. A config that cannot
     * be read says so (its own error), rather than answering "writable".
     */
    public boolean readOnly() {
        return options.readOnly() || cluster().readOnly();
    }

    /**
     * The newest snapshot with its findings: the watcher's when one runs, else a one-shot read of
     * every source in parallel. Never throws for unreachable sources; they are failed observations.
     */
    public ClusterSnapshot snapshot() {
        ClusterSnapshot s;
        boolean watching;
        synchronized (this) {
            if (sharingReadings && sharedReading != null
                    && System.nanoTime() - sharedReadingAt < pollInterval().toNanos()) {
                return sharedReading;
            }
            s = replay != null ? replay.get() : null;
            watching = watcher != null;
        }
        if (s == null) {
            // A watcher publishes as each source answers; until every source has been read once its
            // snapshot says "unknown" for the rest, and wait-for/assert must not judge on that.
            s = watching ? awaitFirst() : ClusterWatcher.readOnce(cluster(), readTimeout());
        }
        s = s.withFindings(FindingsEngine.derive(s, cluster()));
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
        ClusterConfig.Poll p = cluster().poll();
        return java.util.stream.Stream.of(p.etcd(), p.postgres(), p.patroni(), p.elasticsearch(), p.drbd())
                .filter(java.util.Objects::nonNull).min(Duration::compareTo).orElse(Duration.ofSeconds(1));
    }

    /** The watcher's newest snapshot with findings, without waiting; empty when none yet. */
    public java.util.Optional<ClusterSnapshot> latest() {
        ClusterWatcher w;
        synchronized (this) {
            if (replay != null) {
                return java.util.Optional.of(snapshot());
            }
            w = watcher;
        }
        return w == null ? java.util.Optional.empty()
                : w.latest().map(s -> s.progress().complete() ? s.withFindings(FindingsEngine.derive(s, cluster())) : s);
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
        if (replay != null) {
            ReplaySource source = new ReplaySource(this::snapshot);
            if (events == null) {
                events = new EventLog(source, 500, cluster().thresholds());
            }
            return source;
        }
        if (watcher == null) {
            watcher = new ClusterWatcher(cluster(), clock);
            events = new EventLog(watcher, 500, cluster().thresholds());
            recording = Recording.attach(events, journalOrNull(), config(), cluster(), clock);
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
        ClusterConfig next = config().pick(name);
        synchronized (this) {
            closeWatcher();
            cluster = next;
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
    public synchronized io.hadeck.journal.Journal journal() {
        if (journal == null) {
            journal = io.hadeck.journal.Journal.open(config().journal(), clock);
        }
        return journal;
    }

    /** The journal for a watcher to write to, null (and logged) when it cannot be opened. */
    private io.hadeck.journal.Journal journalOrNull() {
        if (journal == null) {
            journal = Recording.openQuietly(config(), clock);
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
            throw new CommandException(io.hadeck.console.commands.ExitCode.INTERRUPTED, "cancelled");
        }
    }

    private Duration readTimeout() {
        ClusterConfig.Timeouts t = cluster().timeouts();
        return t.connect().plus(t.read()).plusSeconds(1);
    }

    // ------------------------------------------------------------------ variables

    public synchronized void set(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw CommandException.usage("'" + name + "' is not a variable name (letters, digits, _)");
        }
        variables.put(name, value);
    }

    public synchronized Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Replaces $NAME and ${NAME}; an unknown variable is a usage error, never an empty string. */
    public synchronized String expand(String text) {
        return expand(text, variables);
    }

    public static String expand(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3);
            String v = vars.get(name);
            if (v == null) {
                throw CommandException.usage("variable $" + name + " is not set (use: set " + name + " VALUE)");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    // ------------------------------------------------------------------ confirmation

    public synchronized Confirmer confirmer() {
        return confirmer;
    }

    public synchronized void confirmer(Confirmer c) {
        this.confirmer = c;
    }

    /** Who is asking for actions now: one-shot, REPL, batch file or the console (confirmation rules differ). */
    public synchronized io.hadeck.actions.runbook.FrontEnd frontEnd() {
        return frontEnd;
    }

    public synchronized void frontEnd(io.hadeck.actions.runbook.FrontEnd f) {
        frontEnd = f;
    }

    /** The console's dialogs: an action typed on its `:` line opens the same dialog as its key. Null elsewhere. */
    public synchronized java.util.function.Consumer<io.hadeck.actions.catalogue.ActionRequest> actionDialogs() {
        return actionDialogs;
    }

    public synchronized void actionDialogs(java.util.function.Consumer<io.hadeck.actions.catalogue.ActionRequest> d) {
        actionDialogs = d;
    }

    /** Whether an operator can answer questions right now (REPL, TUI, CLI on a terminal). */
    public synchronized boolean interactive() {
        return confirmer.interactive();
    }

    // ------------------------------------------------------------------ batch state

    public synchronized boolean continueOnError() {
        return continueOnError;
    }

    public synchronized void continueOnError(boolean b) {
        continueOnError = b;
    }

    /** The command layer this session runs lines through (watch and run need it). */
    public synchronized Shell shell() {
        return shell;
    }

    public synchronized void shell(Shell s) {
        shell = s;
    }

    /** Log file path, as LogConfigurator resolves it. */
    public static Path logFile() {
        return io.hadeck.console.output.LogFile.path();
    }

    /** $XDG_STATE_HOME/hadeck, default ~/.local/state/hadeck. */
    public static Path stateDir() {
        return io.hadeck.console.output.LogFile.stateDir();
    }

    @Override
    public synchronized void close() {
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
    private record ReplaySource(java.util.function.Supplier<ClusterSnapshot> next) implements SnapshotSource {
        public java.util.Optional<ClusterSnapshot> latest() {
            return java.util.Optional.of(next.get());
        }

        public AutoCloseable subscribe(java.util.function.Consumer<ClusterSnapshot> listener) {
            return () -> { };
        }
    }
}
