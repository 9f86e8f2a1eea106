package io.hadeck.console.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.config.ClusterConfig;
import io.hadeck.console.theme.Theme;
import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import io.hadeck.model.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the console's keys and `:` line do: the cluster on screen ({@link ShownCluster}), the
 * theme, pause, the fleet view, commands and guided actions. Snapshots arrive on the watcher's
 * thread and only set a flag here; commands run on the {@link ConsoleWorker}; everything that
 * touches the screen runs on the UI thread (through {@link #runUiTasks}).
 */
public final class ConsoleRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRuntime.class);

    final ConsoleContext ctx;
    final UiState ui = new UiState();
    KeyMap keys;
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final ConsoleWorker worker = new ConsoleWorker();
    private final Glyphs glyphs;
    private ShownCluster shown;
    Theme theme;

    public ConsoleRuntime(ConsoleContext ctx, Clock clock, Map<String, String> env, Glyphs glyphs) {
        this.ctx = ctx;
        this.clock = clock;
        this.glyphs = glyphs;
        this.theme = ThemeLoader.choose(ctx.themeName(), env);
        attach(ctx.cluster(), ctx.source());
        // an action typed on the `:` line opens its dialog here, on the UI thread
        ctx.actions().bind(overlay -> worker.onUi(() -> ui.overlay = overlay));
    }

    private void attach(ClusterConfig cfg, SnapshotSource src) {
        this.shown = new ShownCluster(cfg, src, () -> dirty.set(true));
        // read-only is --read-only or the shown cluster's own setting: recomputed with the cluster
        this.keys = KeyMap.defaults(readOnly());
        dirty.set(true);
    }

    /** --read-only, or the cluster on screen is configured readOnly. */
    boolean readOnly() {
        return ctx.readOnly() || shown.config != null && shown.config.readOnly();
    }

    /** The snapshot on screen: the newest one, or the one frozen by pause. */
    ClusterSnapshot snapshot() {
        return shown.snapshot(ui.paused);
    }

    /** True once per new snapshot or UI change: the loop draws then, and anyway once a second. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    void markDirty() {
        dirty.set(true);
    }

    RenderContext frame() {
        String lock = ctx.actions().lockHolder(shown.name()).orElse(null);
        return new RenderContext(theme, glyphs, clock.instant(), clock.getZone(), shown.thresholds(), readOnly(), ui.paused,
                lock, shown.lagHistory);
    }

    public void draw(TextGraphics g) {
        ClusterSnapshot s = snapshot();
        if (s != null && ui.selected == null && !s.nodes().isEmpty()) {
            ui.selected = s.nodes().get(0).name();
        }
        ConsoleView.draw(g, s, new ConsoleView.Inputs(ui, frame(), shown.events.all(), keys,
                ctx.actions().unavailableReason(), ctx.logFile()));
    }

    /**
     * PgUp near the top of what is loaded: the next page of older events comes from the journal,
     * read on the worker (the screen never waits for the disk).
     */
    void scrolledBack() {
        ShownCluster was = shown;
        Optional<java.time.Instant> until = was.config == null ? Optional.empty()
                : was.events.nextPageBefore(ui.eventScroll, clock.instant());
        if (until.isEmpty()) {
            return;
        }
        worker.submit(() -> {
            List<io.hadeck.events.Event> page = ctx.journal().before(was.name(), until.get(), ShownEvents.PAGE);
            worker.onUi(() -> {
                String said = was.events.add(page);
                if (was == shown) {   // still the cluster on screen
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
                worker.onUi(() -> ui.say(Severity.WARN, "fleet not read: " + e.getMessage()));
                return;
            }
            worker.onUi(() -> {
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
        if (shown.config != null && shown.name().equals(name)) {
            return;
        }
        ui.say(Severity.INFO, "switching to " + name + glyphs.ellipsis());
        worker.submit(() -> switchCluster(name));
    }

    void runUiTasks() {
        if (worker.runUiTasks()) {
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
                shown.source.refreshNow();
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
            worker.onUi(() -> {
                if (result.exitCode() == 0 && result.output().isBlank()) {
                    // nothing to read (an action whose dialog is already open): stay where the operator is
                    ui.say(Severity.OK, ":" + trimmed + " done");
                    return;
                }
                ui.showOutput(":" + trimmed + "   exit " + result.exitCode() + "   (Esc back, j/k scroll)", result.output());
            });
        });
    }

    private void switchCluster(String name) {
        try {
            ClusterConfig cfg = ctx.config() == null ? null : ctx.config().pick(name);
            SnapshotSource next = ctx.switchCluster().apply(name);
            worker.onUi(() -> {
                shown.close();
                attach(cfg, next);
                ui.selected = null;
                ui.filter = "";
                ui.view = UiState.View.MAIN;
                ui.say(Severity.OK, "switched to cluster " + name);
            });
        } catch (RuntimeException e) {
            worker.onUi(() -> ui.say(Severity.WARN, "cannot switch to " + name + ": " + e.getMessage()));
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
        ClusterConfig cluster = shown.config;
        if (readOnly() || cluster == null) {
            ui.say(Severity.WARN, b.description() + ": read-only");
            return;
        }
        String node = ActionTarget.node(kind, cluster, ui.selected);
        ui.overlay = ctx.actions().launch(new ActionRequest(kind, cluster.name(), node, null, null, null));
    }

    boolean actionRunning() {
        return ctx.actions().actionRunning();
    }

    @Override
    public void close() {
        shown.close();
        worker.close();
    }
}
