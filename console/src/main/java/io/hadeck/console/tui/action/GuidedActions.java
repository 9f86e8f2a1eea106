package io.hadeck.console.tui.action;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.patroni.ClusterFailoverRunbook;
import io.hadeck.actions.patroni.ForceLeaderRunbook;
import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.config.ClusterConfig;
import io.hadeck.console.commands.action.ActionKit;
import io.hadeck.console.commands.action.OperatorConfirmer;
import io.hadeck.console.tui.ActionLauncher;
import io.hadeck.model.NodeView;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's guided actions: each action key opens an {@link ActionDialog} and runs the same
 * runbook the CLI runs (same kit, runner, audit, lock) on a worker thread. The header's lock holder
 * is read from etcd every few seconds on a background thread, so drawing never waits on the network.
 */
public final class GuidedActions implements ActionLauncher, AutoCloseable {
    private static final Duration LOCK_POLL = Duration.ofSeconds(3);

    private final Clock clock;
    private final boolean readOnly;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<ActionKit> kit = new AtomicReference<>();
    private final AtomicReference<String> holder = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("hadeck-action"));
    private final ScheduledExecutorService lockReader = Executors.newSingleThreadScheduledExecutor(daemon("hadeck-lock"));

    public GuidedActions(ClusterConfig cluster, Clock clock, boolean readOnly) {
        this.clock = clock;
        this.readOnly = readOnly;
        kit.set(new ActionKit(cluster, clock));
        lockReader.scheduleWithFixedDelay(this::readHolder, 0, LOCK_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<String> unavailableReason() {
        if (readOnly) {
            return Optional.of("read-only console");
        }
        return running.get() ? Optional.of("an action is running") : Optional.empty();
    }

    @Override
    public Overlay launch(ActionRequest r) {
        ActionKit k = kitFor(r.context().cluster());
        ActionDialog dialog = new ActionDialog(r.action() + (r.node() == null ? "" : " " + r.node()) + " · " + k.cluster().name());
        running.set(true);
        worker.submit(() -> {
            try {
                Runbook rb = runbook(k, r);
                k.runner().run(rb, new RunOptions(false, false, readOnly), new OperatorConfirmer(dialog), dialog);
            } catch (ActionException | io.hadeck.console.commands.CommandException e) {
                dialog.failed(e.getMessage());
            } catch (RuntimeException e) {
                dialog.failed(e.toString());
            } finally {
                running.set(false);
            }
        });
        return dialog;
    }

    /** The console's action names (KeyMap: "action promote", …) as runbooks on the selected node. */
    static Runbook runbook(ActionKit k, ActionRequest r) {
        String node = r.node();
        return switch (r.action()) {
            case "promote" -> new SwitchoverRunbook(k.patroni(), SwitchoverRunbook.Kind.PROMOTE, need(node));
            case "demote" -> new SwitchoverRunbook(k.patroni(), SwitchoverRunbook.Kind.DEMOTE, need(node));
            case "force-leader" -> new ForceLeaderRunbook(k.patroni(), need(node));
            case "failover-off" -> new ClusterFailoverRunbook(k.patroni(), false);
            case "failover-on" -> new ClusterFailoverRunbook(k.patroni(), true);
            // the selected node of a split pair is the proposed victim; the plan names it and asks LOSE DATA
            case "drbd-recovery" -> k.drbdRecovery(drbdNode(r), drbdNode(r));
            default -> throw new ActionException("no guided action named " + r.action());
        };
    }

    private static String need(String node) {
        if (node == null) {
            throw new ActionException("select a node first");
        }
        return node;
    }

    private static String drbdNode(ActionRequest r) {
        return r.snapshot() == null || r.node() == null ? null : r.snapshot().node(r.node())
                .filter(n -> n.drbd() != null).map(NodeView::name).orElse(null);
    }

    @Override
    public Optional<String> lockHolder(String cluster) {
        return Optional.ofNullable(holder.get());
    }

    @Override
    public boolean actionRunning() {
        return running.get();
    }

    /** After `:cluster NAME`: actions and the lock holder follow the new cluster. */
    private ActionKit kitFor(ClusterConfig cluster) {
        ActionKit k = kit.get();
        if (cluster != null && !k.cluster().name().equals(cluster.name())) {
            ActionKit next = new ActionKit(cluster, clock);
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
