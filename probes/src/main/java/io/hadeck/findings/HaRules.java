package io.hadeck.findings;

import io.hadeck.model.Finding;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Does the HA manager's picture (leader key, pause, nofailover) match what PostgreSQL says? */
final class HaRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        Optional<HaState> state = f.haState();
        if (state.isEmpty()) {
            return List.of();
        }
        HaState ha = state.get();
        List<Finding> out = new ArrayList<>();
        leaderKey(f, ha).ifPresent(out::add);
        agentDownOnPrimary(f, ha).ifPresent(out::add);
        syncStandbyMissing(f, ha).ifPresent(out::add);
        boolean chef = "chef-backend".equals(ha.manager());
        if (!ha.failover().enabled() && ha.failover().unreported() == null) {
            out.add(new Finding(Severity.WARN, "CLUSTER_FAILOVER_DISABLED", List.of(),
                    "Automatic failover is off for cluster " + f.snapshot.cluster() + " ("
                            + (chef ? "chef-backend-ctl set-cluster-failover off" : ha.manager() + " paused")
                            + "): if the primary dies, nobody takes over.",
                    "When maintenance is over: " + (chef ? "chef-backend-ctl set-cluster-failover on (hadeck "
                            + "set-cluster-failover on)" : "patronictl resume " + f.snapshot.cluster()) + "."));
        }
        for (NodeView n : f.nodes()) {
            f.ha(n).or(() -> ha.member(n.name())).filter(HaMember::pendingRestart).ifPresent(m ->
                    out.add(new Finding(Severity.INFO, "PENDING_RESTART", List.of(n.name()),
                            n.name() + "'s PostgreSQL has settings that take effect only after a restart (" + ha.manager()
                                    + ": pending restart).",
                            "Restart it when a short interruption is acceptable: hadeck restart " + n.name() + ".")));
            f.ha(n).or(() -> ha.member(n.name())).filter(m -> !m.failoverAllowed() && m.failoverUnreported() == null)
                    .ifPresent(m -> out.add(new Finding(Severity.INFO, "NODE_FAILOVER_DISABLED", List.of(n.name()),
                            n.name() + " will never be promoted (" + (chef ? "set-node-failover off" : "nofailover tag")
                                    + ").", chef ? "Run chef-backend-ctl set-node-failover on on " + n.name()
                                    + " (hadeck set-node-failover " + n.name() + " on) if it should be a failover"
                                    + " candidate again." : "Remove the nofailover tag from " + n.name()
                                    + "'s Patroni config and run patronictl reload if it should be a failover"
                                    + " candidate again.")));
        }
        return out;
    }

    /**
     * The key holder's Patroni stopped answering while its key stands: without a watchdog its
     * PostgreSQL keeps accepting writes after the key's lease runs out and another node is promoted.
     * Said at once, not when the second primary appears.
     */
    private static Optional<Finding> agentDownOnPrimary(Facts f, HaState ha) {
        String holder = ha.leader().holder();
        if (holder == null || ha.leader().agentDown() == null) {
            return Optional.empty();
        }
        boolean writable = f.snapshot.node(holder).flatMap(f::pg).map(PgInstance::isPrimary).orElse(false);
        String expires = ha.leader().ttlSeconds() == null ? "when its lease runs out"
                : "in " + ha.leader().ttlSeconds() + " s";
        String pg = writable ? "its PostgreSQL still accepts writes" : "its PostgreSQL does not answer as a primary here";
        return Optional.of(new Finding(Severity.CRIT, "HA_AGENT_DOWN_ON_PRIMARY", List.of(holder),
                holder + "'s " + ha.manager() + " does not answer (" + ha.leader().agentDown() + ") while it holds the leader key"
                        + " and " + pg + ": the key expires " + expires + ", then another node is promoted"
                        + (writable ? " and " + holder + " keeps accepting writes: two writable primaries." : "."),
                "Start " + ha.manager() + " on " + holder + " again, or fence it before the key expires: hadeck fence "
                        + holder + " (key X on " + holder + ")."));
    }

    /** Synchronous mode on and no standby synchronous: commits wait (strict) or silently stop being synchronous. */
    private static Optional<Finding> syncStandbyMissing(Facts f, HaState ha) {
        if (ha.settings() == null || !ha.settings().synchronousMode() || f.primaries().size() != 1) {
            return Optional.empty();
        }
        NodeView primary = f.primaries().get(0);
        boolean syncNow = f.pg(primary).map(p -> p.replication().stream().anyMatch(r -> "sync".equals(r.syncState())
                || "quorum".equals(r.syncState()))).orElse(true);
        if (ha.settings().syncStandby() != null && syncNow) {
            return Optional.empty();
        }
        boolean strict = ha.settings().synchronousModeStrict();
        return Optional.of(new Finding(strict ? Severity.CRIT : Severity.WARN, "SYNC_STANDBY_MISSING",
                List.of(primary.name()), "synchronous_mode is on but no standby of " + primary.name() + " is synchronous ("
                        + (ha.settings().syncStandby() == null ? "the sync key names none" : "pg_stat_replication shows none")
                        + "): " + (strict ? "commits on " + primary.name() + " wait until one is." : "commits are acknowledged"
                        + " without a synchronous copy, and a failover may lose them."),
                "Bring a standby back to streaming (hadeck rejoin NODE); check that not every standby is tagged nosync."));
    }

    private static Optional<Finding> leaderKey(Facts f, HaState ha) {
        List<NodeView> primaries = f.primaries();
        String holder = ha.leader().holder();
        if (holder == null) {
            String p = primaries.isEmpty() ? "and no node accepts writes"
                    : "while " + Words.names(primaries.stream().map(NodeView::name).toList()) + " accepts writes";
            return Optional.of(new Finding(Severity.WARN, "LEADER_KEY_MISSING",
                    primaries.stream().map(NodeView::name).toList(),
                    "Nobody holds " + ha.manager() + "'s leader key " + p + ".",
                    "Check that etcd has quorum and that " + ha.manager() + " runs on every node ("
                            + ("chef-backend".equals(ha.manager()) ? "chef-backend-ctl status" : "patronictl list")
                            + "); a leader race normally settles within the TTL."));
        }
        Optional<NodeView> holderNode = f.snapshot.node(holder);
        Optional<PgInstance> holderPg = holderNode.flatMap(f::pg);
        boolean holderIsStandby = holderPg.map(pg -> !pg.isPrimary()).orElse(false);
        List<String> others = primaries.stream().map(NodeView::name).filter(n -> !n.equals(holder)).toList();
        boolean holderIsPrimary = holderPg.map(PgInstance::isPrimary).orElse(false);
        if (holderIsStandby || (!holderIsPrimary && !others.isEmpty() && primaries.size() == 1)) {
            String actual = others.isEmpty() ? "no node accepts writes" : Words.names(others) + " is the PostgreSQL primary";
            String holderSays = holderIsStandby ? " but " + holder + " is a standby" : "";
            List<String> nodes = new ArrayList<>(List.of(holder));
            nodes.addAll(others);
            return Optional.of(new Finding(Severity.CRIT, "LEADER_KEY_MISMATCH", nodes,
                    "The leader key names " + holder + holderSays + "; " + actual + ".",
                    "Do not act on the leader key alone: find the writable node (pg_is_in_recovery()), fence any "
                            + "primary the HA manager does not know, then let " + ha.manager() + " settle."));
        }
        return Optional.empty();
    }
}
