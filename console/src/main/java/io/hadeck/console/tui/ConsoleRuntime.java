package io.hadeck.console.tui;

import io.hadeck.threads.Threads;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.config.ClusterConfig;
import io.hadeck.console.theme.Theme;
import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.events.EventLog;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import io.hadeck.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's live state: the subscribed source, the event log, lag history, the theme, and
 * work handed between threads. Snapshots arrive on the watcher's thread and only set a reference
 * and a flag; commands run on a worker; everything that touches the screen runs on the UI thread
 * (through {@link #runUiTasks}).
 */
public final class ConsoleRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRuntime.class);
    static final int EVENT_CAPACITY = 2000;
    static final int LAG_HISTORY = 60;

    final ConsoleContext ctx;
    final UiState ui = new UiState();
    KeyMap keys;
    private final Clock clock;
    private final Map<String, String> env;
    private final AtomicReference<ClusterSnapshot> latest = new AtomicReference<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final Queue<Runnable> uiTasks = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("hadeck-console-command"));
    private final Glyphs glyphs;
    private ClusterConfig cluster;
    private SnapshotSource source;
    private AutoCloseable subscription;
    private ShownEvents events;
    private LagHistory lagHistory;
    private ClusterSnapshot shown;
    Theme theme;

    public ConsoleRuntime(ConsoleContext ctx, Clock clock, Map<String, String> env, Glyphs glyphs) {
        this.ctx = ctx;
        this.clock = clock;
        this.env = env;
        this.glyphs = glyphs;
        this.theme = ThemeLoader.choose(ctx.themeName(), env);
        attach(ctx.cluster(), ctx.source());
        // an action typed on the `:` line opens its dialog here, on the UI thread
        ctx.actions().bind(overlay -> uiTasks.add(() -> ui.overlay = overlay));
    }

    private void attach(ClusterConfig cfg, SnapshotSource src) {
        this.cluster = cfg;
        // read-only is --read-only or the shown cluster's own setting: recomputed with the cluster
        this.keys = KeyMap.defaults(readOnly());
        this.source = src;
        this.lagHistory = LagHistory.of(src.history(), LAG_HISTORY);
        // The session that owns the watcher logs its events; this list is the screen's, so the
        // log file does not get every event twice.
        this.events = new ShownEvents(EventLog.forDisplay(src, EVENT_CAPACITY, cfg == null ? null : cfg.thresholds()));
        this.subscription = src.subscribe(s -> {
            lagHistory.record(s);
            latest.set(s);
            dirty.set(true);
        });
        src.latest().ifPresent(s -> {
            lagHistory.record(s);
            latest.set(s);
        });
        this.shown = null;
        dirty.set(true);
    }

    private void detach() {
        closeQuietly(subscription);
        events.close();
    }

    /** --read-only, or the cluster on screen is configured readOnly. */
    boolean readOnly() {
        return ctx.readOnly() || cluster != null && cluster.readOnly();
    }

    /** The snapshot on screen: the newest one, or the one frozen by pause. */
    ClusterSnapshot snapshot() {
        if (!ui.paused || shown == null) {
            shown = latest.get();
        }
        return shown;
    }

    /** True once per new snapshot or UI change: the loop draws then, and anyway once a second. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    void markDirty() {
        dirty.set(true);
    }

    RenderContext frame() {
        ClusterConfig.Thresholds t = cluster == null ? ClusterConfig.Thresholds.defaults() : cluster.thresholds();
        String lock = ctx.actions().lockHolder(cluster == null ? "" : cluster.name()).orElse(null);
        return new RenderContext(theme, glyphs, clock.instant(), clock.getZone(), t, readOnly(), ui.paused, lock,
                lagHistory);
    }

    public void draw(TextGraphics g) {
        ClusterSnapshot s = snapshot();
        if (s != null && ui.selected == null && !s.nodes().isEmpty()) {
            ui.selected = s.nodes().get(0).name();
        }
        ConsoleView.draw(g, s, new ConsoleView.Inputs(ui, frame(), events.all(), keys,
                ctx.actions().unavailableReason(), ctx.logFile()));
    }

    /**
     * PgUp near the top of what is loaded: the next page of older events comes from the journal,
     * read on the worker (the screen never waits for the disk).
     */
    void scrolledBack() {
        ShownEvents shownEvents = events;
        Optional<java.time.Instant> until = cluster == null ? Optional.empty()
                : shownEvents.nextPageBefore(ui.eventScroll, clock.instant());
        if (until.isEmpty()) {
            return;
        }
        String name = cluster.name();
        worker.submit(() -> {
            List<io.hadeck.events.Event> page = ctx.journal().before(name, until.get(), ShownEvents.PAGE);
            uiTasks.add(() -> {
                String said = shownEvents.add(page);
                if (shownEvents == events) {   // still the cluster on screen
                    ui.say(Severity.INFO, said);
                }
            });
        });
    }

    /** `f` or `:fleet`: every configured cluster, read on the worker. */
    void showFleet() {
        ui.view = UiState.View.FLEET;
        ui.say(Severity.INFO, "reading every configured cluster" + glyphs.ellipsis());
        worker.submit(() -> {
            List<io.hadeck.fleet.FleetRow> rows;
            try {
                rows = ctx.journal().fleet();
            } catch (RuntimeException e) {
                LOG.warn("fleet not read", e);
                uiTasks.add(() -> ui.say(Severity.WARN, "fleet not read: " + e.getMessage()));
                return;
            }
            uiTasks.add(() -> {
                ui.fleet = rows;
                ui.fleetIndex = Math.min(ui.fleetIndex, Math.max(0, rows.size() - 1));
                ui.message = null;
            });
        });
    }

    /** Enter in the fleet view: watch the selected cluster instead. */
    void openFleetCluster() {
        if (ui.fleet.isEmpty()) {
            return;
        }
        String name = ui.fleet.get(Math.min(ui.fleetIndex, ui.fleet.size() - 1)).cluster();
        ui.view = UiState.View.MAIN;
        if (cluster != null && cluster.name().equals(name)) {
            return;
        }
        ui.say(Severity.INFO, "switching to " + name + glyphs.ellipsis());
        worker.submit(() -> switchCluster(name));
    }

    void runUiTasks() {
        Runnable r;
        while ((r = uiTasks.poll()) != null) {
            r.run();
            dirty.set(true);
        }
    }

    // ------------------------------------------------------------------ commands the keys run

    void nextTheme() {
        theme = ThemeLoader.load(ThemeLoader.next(theme.name()));
        ui.say(Severity.INFO, "theme " + theme.name());
    }

    void togglePause() {
        ui.paused = !ui.paused;
        ui.say(Severity.INFO, ui.paused ? "display paused: readings continue in the background (p resumes)" : "display resumed");
    }

    void refreshNow() {
        worker.submit(() -> {
            try {
                source.refreshNow();
            } catch (RuntimeException e) {
                LOG.warn("refresh failed", e);
            }
        });
        ui.paused = false;
        ui.say(Severity.INFO, "refreshing" + glyphs.ellipsis());
    }

    /** Runs a `:` line off the UI thread; `cluster NAME` switches clusters, anything else goes to the command layer. */
    void runCommand(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        ui.history.remove(trimmed);
        ui.history.add(trimmed);
        ui.say(Severity.INFO, "running :" + trimmed + glyphs.ellipsis());
        if (trimmed.equals("fleet")) {
            showFleet();
            return;
        }
        if (trimmed.startsWith("cluster ")) {
            String name = trimmed.substring("cluster ".length()).strip();
            worker.submit(() -> switchCluster(name));
            return;
        }
        worker.submit(() -> {
            CommandBar.Result r;
            try {
                r = ctx.commands().run(trimmed);
            } catch (RuntimeException e) {
                LOG.warn("command failed: {}", trimmed, e);
                r = new CommandBar.Result(5, "failed: " + e.getMessage());
            }
            CommandBar.Result result = r;
            uiTasks.add(() -> {
                if (result.exitCode() == 0 && result.output().isBlank()) {
                    // nothing to read (an action whose dialog is already open): stay where the operator is
                    ui.say(Severity.OK, ":" + trimmed + " done");
                    return;
                }
                ui.view = UiState.View.OUTPUT;
                ui.outputTitle = ":" + trimmed + "   exit " + result.exitCode() + "   (Esc back, j/k scroll)";
                ui.output = List.of(result.output().replace("\t", "    ").split("\n", -1));
                ui.outputScroll = 0;
                ui.message = null;
            });
        });
    }

    private void switchCluster(String name) {
        try {
            ClusterConfig cfg = ctx.config() == null ? null : ctx.config().pick(name);
            SnapshotSource next = ctx.switchCluster().apply(name);
            uiTasks.add(() -> {
                detach();
                attach(cfg, next);
                ui.selected = null;
                ui.filter = "";
                ui.view = UiState.View.MAIN;
                ui.say(Severity.OK, "switched to cluster " + name);
            });
        } catch (RuntimeException e) {
            uiTasks.add(() -> ui.say(Severity.WARN, "cannot switch to " + name + ": " + e.getMessage()));
        }
    }

    List<String> complete(String buffer) {
        try {
            return ctx.commands().complete(buffer);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Opens the guided action dialog, or says why it cannot. */
    void action(KeyBinding b) {
        Optional<String> why = ctx.actions().unavailableReason();
        if (why.isPresent()) {
            ui.say(Severity.WARN, b.description() + ": " + why.get());
            return;
        }
        ActionKind kind = b.action().orElseThrow();
        if (readOnly() || cluster == null) {
            ui.say(Severity.WARN, b.description() + ": read-only");
            return;
        }
        String node = ui.selected;
        if (kind == ActionKind.PAIR_HANDOVER) {
            // the selected pair node is the one to take the pair over; any other selection: the only pair
            node = cluster.node(node).filter(n -> n.runsKeepalived()).map(n -> n.name()).orElse(null);
        } else if (kind == ActionKind.DRBD_RECOVER) {
            // the selected node names its pair; any other selection leaves the choice to the catalogue
            node = cluster.node(node).filter(n -> n.runsDrbd()).map(n -> n.name()).orElse(null);
        } else if (!kind.needsNode()) {
            node = null;
        }
        ui.overlay = ctx.actions().launch(new ActionRequest(kind, cluster.name(), node, null, null, null));
    }

    boolean actionRunning() {
        return ctx.actions().actionRunning();
    }

    @Override
    public void close() {
        detach();
        worker.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
    }
}
