package io.hadeck.console.commands.action;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.chef.ChefBackendManager;
import io.hadeck.actions.drbd.DrbdManager;
import io.hadeck.actions.drbd.DrbdRecoveryRunbook;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.console.commands.CommandException;
import io.hadeck.watch.ClusterWatcher;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything a guided action needs for one cluster, built from the configuration: the HA manager
 * (Patroni REST or chef-backend-ctl), fresh readings, the audit log at {@code audit.path}, the etcd
 * action lock. The CLI builds one per command; the TUI keeps one per cluster for the lock holder.
 */
public final class ActionKit implements AutoCloseable {
    /** How long one step may take to show its end state (a switchover settles in ~3-10 s on the lab). */
    static final Duration STEP_DEADLINE = Duration.ofSeconds(90);

    private final ClusterConfig cluster;
    private final Clock clock;
    private final Operator operator;
    private final AuditLog audit;
    private ActionLock lock;

    public ActionKit(ClusterConfig cluster, Clock clock) {
        this.cluster = cluster;
        this.clock = clock;
        this.operator = Operator.current();
        this.audit = new AuditLog(cluster.audit().path(), operator, clock);
    }

    public ClusterConfig cluster() {
        return cluster;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The etcd lease lock when the cluster has etcd, else none (a DRBD pair has nothing to share it through). */
    public synchronized ActionLock lock() {
        if (lock == null) {
            lock = cluster.etcd() != null && !cluster.etcd().endpoints().isEmpty()
                    ? new EtcdActionLock(cluster, operator, clock) : ActionLock.NONE;
        }
        return lock;
    }

    public RunbookRunner runner() {
        return new RunbookRunner(audit, lock(), clock);
    }

    /** A new reading of every source now, never the watcher's cached one. */
    public FreshReadings readings() {
        Duration t = cluster.timeouts().connect().plus(cluster.timeouts().read()).plusSeconds(1);
        return () -> ClusterWatcher.readOnce(cluster, t);
    }

    public HaManager manager() {
        return switch (cluster.manager()) {
            case "patroni" -> new PatroniManager(cluster, new SshShell(cluster.ssh()));
            case "chef-backend" -> new ChefBackendManager(cluster, new SshShell(cluster.ssh()), cluster.chefBackend().ctl());
            default -> throw CommandException.refused("cluster " + cluster.name() + " has no HA manager (manager: "
                    + cluster.manager() + "): there is nothing to promote or fail over");
        };
    }

    public PatroniContext patroni() {
        return new PatroniContext(cluster, manager(), readings(), STEP_DEADLINE);
    }

    public DrbdManager drbd() {
        return new DrbdManager(cluster, new SshShell(cluster.ssh()));
    }

    /**
     * The recovery of the DRBD pair {@code node} belongs to (the first DRBD node's pair when null),
     * its nodes in config order so the plan reads the same whichever one was named.
     */
    public DrbdRecoveryRunbook drbdRecovery(String node, String victim) {
        NodeConfig n = node == null
                ? cluster.nodes().stream().filter(NodeConfig::runsDrbd).findFirst()
                .orElseThrow(() -> CommandException.usage("cluster " + cluster.name() + " has no DRBD nodes"))
                : cluster.node(node).filter(NodeConfig::runsDrbd)
                .orElseThrow(() -> CommandException.usage(node + " is not a DRBD node of cluster " + cluster.name()));
        if (n.peer() == null) {
            throw CommandException.usage("DRBD node " + n.name() + " has no peer in the configuration (peer: NODE)");
        }
        List<String> pair = cluster.nodes().stream().map(NodeConfig::name)
                .filter(x -> x.equals(n.name()) || x.equals(n.peer())).toList();
        return new DrbdRecoveryRunbook(cluster.name(), drbd(), pair.get(0), pair.get(1), victim, STEP_DEADLINE);
    }

    @Override
    public synchronized void close() {
        if (lock instanceof EtcdActionLock e) {
            e.close();
        }
        lock = null;
    }
}
