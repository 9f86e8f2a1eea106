package io.hadeck.console.tui.action;

import io.hadeck.threads.Threads;
import io.hadeck.actions.ActionException;
import io.hadeck.actions.catalogue.ActionCatalogue;
import io.hadeck.actions.catalogue.ActionKit;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.console.tui.ActionLauncher;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The console's guided actions: each request (a key, or an action typed on the `:` line) opens an
 * {@link ActionDialog} and runs the catalogue's runbook — the one the CLI runs, with the same
 * runner, audit, lock and confirmation rules — on a worker thread, against the cluster the request
 * names (the one on screen). The header's lock holder is read every few seconds on a background
 * thread, so drawing never waits on the network.
 */
public final class GuidedActions implements ActionLauncher, AutoCloseable {
    private static final Duration LOCK_POLL = Duration.ofSeconds(3);

    private final HadeckConfig config;
    private final Clock clock;
    private final boolean readOnlyOption;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<ActionKit> kit = new AtomicReference<>();
    private final AtomicReference<String> holder = new AtomicReference<>();
    private final AtomicReference<Consumer<Overlay>> opener = new AtomicReference<>(o -> { });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.daemon("hadeck-action"));
    private final ScheduledExecutorService lockReader = Executors.newSingleThreadScheduledExecutor(Threads.daemon("hadeck-lock"));

    /** @param readOnlyOption --read-only; a cluster's own readOnly is read per request */
    public GuidedActions(HadeckConfig config, ClusterConfig cluster, Clock clock, boolean readOnlyOption) {
        this.config = config;
        this.clock = clock;
        this.readOnlyOption = readOnlyOption;
        kit.set(new ActionKit(cluster, clock));
        lockReader.scheduleWithFixedDelay(this::readHolder, 0, LOCK_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<String> unavailableReason() {
        if (readOnlyOption) {
            return Optional.of("read-only console");
        }
        return running.get() ? Optional.of("an action is running") : Optional.empty();
    }

    @Override
    public void bind(Consumer<Overlay> o) {
        opener.set(o);
    }

    /** An action typed on the `:` line: the same dialog as its key, shown where {@link #bind} said. */
    public void open(ActionRequest r) {
        Optional<String> why = unavailableReason();
        if (why.isPresent()) {
            throw new ActionException(r.title() + ": " + why.get());
        }
        opener.get().accept(launch(r));
    }

    @Override
    public Overlay launch(ActionRequest r) {
        ActionDialog dialog = new ActionDialog(r.title() + " · " + r.cluster());
        running.set(true);
        worker.submit(() -> {
            try {
                ActionKit k = kitFor(r.cluster());
                boolean readOnly = readOnlyOption || k.cluster().readOnly();
                Runbook rb = ActionCatalogue.runbook(k, r);
                k.runner().run(rb, RunOptions.console(readOnly), dialog, dialog);
            } catch (ActionException | io.hadeck.config.ConfigException e) {
                dialog.failed(e.getMessage());
            } catch (RuntimeException e) {
                dialog.failed(e.toString());
            } finally {
                running.set(false);
            }
        });
        return dialog;
    }

    @Override
    public Optional<String> lockHolder(String cluster) {
        return kit.get().cluster().name().equals(cluster) ? Optional.ofNullable(holder.get()) : Optional.empty();
    }

    @Override
    public boolean actionRunning() {
        return running.get();
    }

    /** After `:cluster NAME`: actions and the lock holder follow the cluster the request names. */
    private ActionKit kitFor(String cluster) {
        ActionKit k = kit.get();
        if (!k.cluster().name().equals(cluster)) {
            ActionKit next = new ActionKit(config.pick(cluster), clock);
            if (kit.compareAndSet(k, next)) {
                k.close();
            }
            holder.set(null);
            return kit.get();
        }
        return k;
    }

    private void readHolder() {
        try {
            holder.set(kit.get().lock().holder().orElse(null));
        } catch (RuntimeException e) {
            holder.set(null); // etcd unreachable: the header shows etcd's state elsewhere
        }
    }

    @Override
    public void close() {
        lockReader.shutdownNow();
        worker.shutdownNow();
        kit.get().close();
    }
}
