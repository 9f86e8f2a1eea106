package io.hadeck.findings;

import io.hadeck.model.Finding;
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
        boolean chef = "chef-backend".equals(ha.manager());
        if (!ha.clusterFailoverEnabled() && ha.failoverUnreported() == null) {
            out.add(new Finding(Severity.WARN, "CLUSTER_FAILOVER_DISABLED", List.of(),
                    "Automatic failover is off for cluster " + f.snapshot.cluster() + " ("
                            + (chef ? "chef-backend-ctl set-cluster-failover off" : ha.manager() + " paused")
                            + "): if the primary dies, nobody takes over.",
                    "When maintenance is over: " + (chef ? "chef-backend-ctl set-cluster-failover on (hadeck "
                            + "set-cluster-failover on)" : "patronictl resume " + f.snapshot.cluster()) + "."));
        }
        for (NodeView n : f.nodes()) {
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

    private static Optional<Finding> leaderKey(Facts f, HaState ha) {
        List<NodeView> primaries = f.primaries();
        String holder = ha.leaderKeyHolder();
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
