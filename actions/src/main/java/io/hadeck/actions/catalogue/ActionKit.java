package io.hadeck.actions.catalogue;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.actions.ActionException;
import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.chef.ChefBackendManager;
import io.hadeck.actions.drbd.DrbdManager;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.ActionLock;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.lock.FileActionLock;
import io.hadeck.actions.pair.KeepalivedManager;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Everything a guided action needs for one cluster, built from the configuration: the HA manager
 * (Patroni REST or chef-backend-ctl), fresh readings through probes' readers (the screen's), the
 * audit log at {@code audit.path}, the action lock (an etcd lease, or a lock file on this host for
 * a cluster without etcd). Every front end builds its runbooks through {@link ActionCatalogue}.
 */
public final class ActionKit implements AutoCloseable {
    /** How long one step may take to show its end state (a switchover settles in ~3-10 s on the lab). */
    public static final Duration STEP_DEADLINE = Duration.ofSeconds(90);

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

    public synchronized ActionLock lock() {
        if (lock == null) {
            lock = cluster.etcd() != null && !cluster.etcd().endpoints().isEmpty()
                    ? new EtcdActionLock(cluster, operator, clock)
                    : new FileActionLock(cluster.audit().path().toAbsolutePath().getParent().resolve("locks"),
                    cluster.name(), operator, clock);
        }
        return lock;
    }

    public RunbookRunner runner() {
        return new RunbookRunner(audit, lock(), clock);
    }

    /** A new reading of every source now, never the watcher's cached one. */
    public FreshReadings readings() {
        return readings(key -> true);
    }

    /** A new reading now of only the sources a runbook needs ("drbd drbd-a", "postgres node-1", …), in parallel. */
    public FreshReadings readings(Predicate<String> sources) {
        Duration t = cluster.timeouts().connect().plus(cluster.timeouts().read()).plusSeconds(1);
        return () -> OneShotSweep.SYSTEM.read(cluster, t, sources);
    }

    public HaManager manager() {
        return switch (cluster.manager()) {
            case "patroni" -> new PatroniManager(cluster, new SshShell(cluster.ssh()));
            case "chef-backend" -> new ChefBackendManager(cluster, new SshShell(cluster.ssh()), cluster.chefBackend().ctl());
            default -> throw new ActionException("cluster " + cluster.name() + " has no HA manager (manager: "
                    + cluster.manager() + "): there is nothing to promote or fail over");
        };
    }

    /** The Patroni runbooks read PostgreSQL, etcd and the HA manager fresh: not Elasticsearch, DRBD or the Chef node checks. */
    public PatroniContext patroni() {
        return new PatroniContext(cluster, manager(), readings(k -> !k.equals("elasticsearch") && !k.startsWith("drbd ")
                && !k.startsWith("chef ")),
                STEP_DEADLINE);
    }

    /** As {@link #patroni()}, and the Chef Backend checks of each node too (service table, version): the rolling upgrade's. */
    public PatroniContext withChefChecks() {
        return new PatroniContext(cluster, manager(), readings(k -> !k.equals("elasticsearch") && !k.startsWith("drbd ")),
                STEP_DEADLINE);
    }

    public Clock clock() {
        return clock;
    }

    public KeepalivedManager keepalived() {
        return new KeepalivedManager(cluster, new SshShell(cluster.ssh()));
    }

    public DrbdManager drbd() {
        return new DrbdManager(cluster, new SshShell(cluster.ssh()));
    }

    @Override
    public synchronized void close() {
        if (lock instanceof EtcdActionLock e) {
            e.close();
        }
        lock = null;
    }
}
