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
    private HadeckConfig config;
    private ClusterConfig cluster;
    private ClusterWatcher watcher;
    private EventLog events;
    private Shell shell;
    private boolean continueOnError;

    private java.util.function.Supplier<ClusterSnapshot> replay;

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

    /** Read-only: --read-only, or the cluster is marked readOnly in the config. */
    public boolean readOnly() {
        if (options.readOnly()) {
            return true;
        }
        try {
            return cluster().readOnly();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The newest snapshot with its findings: the watcher's when one runs, else a one-shot read of
     * every source in parallel. Never throws for unreachable sources; they are failed observations.
     */
    public ClusterSnapshot snapshot() {
        ClusterSnapshot s;
        boolean watching;
        synchronized (this) {
            s = replay != null ? replay.get() : null;
            watching = watcher != null;
        }
        if (s == null) {
            // A watcher publishes as each source answers; until every source has been read once its
            // snapshot says "unknown" for the rest, and wait-for/assert must not judge on that.
            s = watching ? awaitFirst() : ClusterWatcher.readOnce(cluster(), readTimeout());
        }
        return s.withFindings(FindingsEngine.derive(s, cluster()));
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
                : w.latest().map(s -> s.withFindings(FindingsEngine.derive(s, cluster())));
    }

    /** A watcher for long-lived modes, started on first use and closed with the session. */
    public synchronized SnapshotSource source() {
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
            watcher.start();
        }
        return watcher;
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

    /** Whether an operator can answer questions right now (REPL, TUI, CLI on a terminal). */
    public synchronized boolean interactive() {
        return confirmer.interactive();
    }

    /**
     * The one confirmation gate for anything that changes a cluster. With --yes (global or the
     * command's own {@code yes}) it passes; without an operator it refuses (exit 4) rather than
     * hang; otherwise the operator must type {@code expected}.
     *
     * @throws CommandException exit 4 when refused or not confirmed
     */
    public void confirm(String question, String expected, boolean yes) {
        if (readOnly()) {
            throw CommandException.refused("read-only session: " + question + " refused");
        }
        if (yes || options.assumeYes()) {
            LOG.info("confirmed by --yes: {}", question);
            return;
        }
        Confirmer c;
        synchronized (this) {
            c = confirmer;
        }
        if (!c.interactive()) {
            throw CommandException.refused("not confirmed: no terminal to ask on; add --yes to run without asking");
        }
        if (!c.confirm(question, expected)) {
            throw CommandException.refused("not confirmed (expected '" + expected + "')");
        }
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
    }

    private void closeWatcher() {
        if (events != null) {
            events.close();
            events = null;
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
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
