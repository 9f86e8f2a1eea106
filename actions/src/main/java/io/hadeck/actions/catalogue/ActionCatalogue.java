package io.hadeck.actions.catalogue;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.drbd.DrbdRecoveryRunbook;
import io.hadeck.actions.pair.PairHandoverRunbook;
import io.hadeck.actions.patroni.ClusterFailoverRunbook;
import io.hadeck.actions.patroni.FenceRunbook;
import io.hadeck.actions.patroni.ForceLeaderRunbook;
import io.hadeck.actions.patroni.NodeFailoverRunbook;
import io.hadeck.actions.patroni.RejoinRunbook;
import io.hadeck.actions.patroni.RestartRunbook;
import io.hadeck.actions.patroni.RollingUpgradeRunbook;
import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.diagnosis.DrbdPairs;

import java.util.List;

/**
 * The one place a request becomes a runbook. The command line, the REPL, batch files, the console's
 * keys and its `:` line all come through here, and the runner applies the same confirmation rules
 * to all of them.
 */
public final class ActionCatalogue {

    private ActionCatalogue() {
    }

    public static Runbook runbook(ActionKit kit, ActionRequest r) {
        if (!kit.cluster().name().equals(r.cluster())) {
            throw new ActionException("the request is for cluster " + r.cluster() + " but the kit is for "
                    + kit.cluster().name());
        }
        if (r.kind().needsNode() && r.node() == null) {
            throw new ActionException(r.kind().command() + " needs a node: select one first");
        }
        for (String n : new String[] {r.node(), r.victim(), r.fenced()}) {
            if (n != null && kit.cluster().node(n).isEmpty()) {
                throw new ActionException("no node named " + n + " in cluster " + kit.cluster().name());
            }
        }
        if (r.kind().needsNode() && kit.cluster().node(r.node()).map(n -> n.postgres() == null).orElse(false)) {
            throw new ActionException(r.node() + " runs no PostgreSQL in cluster " + kit.cluster().name() + ": "
                    + r.kind().command() + " is for PostgreSQL nodes" + (kit.cluster().node(r.node()).get().runsDrbd()
                    ? " (a DRBD pair is recovered with drbd recover, R in the console)" : ""));
        }
        return switch (r.kind()) {
            case PROMOTE -> new SwitchoverRunbook(kit.patroni(), SwitchoverRunbook.Kind.PROMOTE, r.node());
            case DEMOTE -> new SwitchoverRunbook(kit.patroni(), SwitchoverRunbook.Kind.DEMOTE, r.node());
            case FORCE_LEADER -> new ForceLeaderRunbook(kit.patroni(), r.node(), r.fenced());
            case CLUSTER_FAILOVER_OFF -> new ClusterFailoverRunbook(kit.patroni(), false);
            case CLUSTER_FAILOVER_ON -> new ClusterFailoverRunbook(kit.patroni(), true);
            case NODE_FAILOVER_OFF -> new NodeFailoverRunbook(kit.patroni(), r.node(), false);
            case NODE_FAILOVER_ON -> new NodeFailoverRunbook(kit.patroni(), r.node(), true);
            case DRBD_RECOVER -> drbd(kit, r);
            case FENCE -> new FenceRunbook(kit.patroni(), r.node());
            case REJOIN -> new RejoinRunbook(kit.patroni(), r.node());
            case RESTART -> new RestartRunbook(kit.patroni(), RestartRunbook.Kind.RESTART, r.node());
            case RELOAD -> new RestartRunbook(kit.patroni(), RestartRunbook.Kind.RELOAD, r.node());
            case ROLLING_UPGRADE -> new RollingUpgradeRunbook(kit.withChefChecks(), kit.clock());
            case PAIR_HANDOVER -> handover(kit, r);
        };
    }

    /** The keepalived pair of {@code r.node()} (the node to own it afterwards), or the cluster's only one. */
    private static Runbook handover(ActionKit kit, ActionRequest r) {
        List<List<String>> pairs = DrbdPairs.pairs(kit.cluster()).stream().filter(p -> p.size() == 2 && p.stream()
                .allMatch(n -> kit.cluster().node(n).map(x -> x.runsKeepalived()).orElse(false))).toList();
        List<String> pair;
        if (r.node() != null) {
            pair = pairs.stream().filter(p -> p.contains(r.node())).findFirst().orElseThrow(() -> new ActionException(
                    r.node() + " is not a node of a keepalived pair in cluster " + kit.cluster().name()));
        } else if (pairs.size() == 1) {
            pair = pairs.get(0);
        } else {
            throw new ActionException(pairs.isEmpty() ? "cluster " + kit.cluster().name() + " has no keepalived pair"
                    : "cluster " + kit.cluster().name() + " has " + pairs.size() + " keepalived pairs: name the node to hand one over to (--to NODE)");
        }
        String a = pair.get(0);
        String b = pair.get(1);
        return new PairHandoverRunbook(kit.cluster().name(), kit.keepalived(), kit.readings(k -> k.equals("drbd " + a)
                || k.equals("drbd " + b) || k.equals("pair " + a) || k.equals("pair " + b)), a, b, r.node(), ActionKit.STEP_DEADLINE);
    }

    private static Runbook drbd(ActionKit kit, ActionRequest r) {
        String anchor = r.node() != null ? r.node() : r.victim() != null ? r.victim() : r.fenced();
        List<List<String>> pairs = DrbdPairs.pairs(kit.cluster());
        List<String> pair;
        if (anchor != null) {
            pair = DrbdPairs.pairOf(kit.cluster(), anchor).orElseThrow(() -> new ActionException(anchor
                    + " is not a node of a DRBD pair in cluster " + kit.cluster().name()
                    + " (a pair is two DRBD nodes naming each other as peer)"));
        } else if (pairs.size() == 1 && pairs.get(0).size() == 2) {
            pair = pairs.get(0);
        } else {
            throw new ActionException(pairs.isEmpty() ? "cluster " + kit.cluster().name() + " has no DRBD pair"
                    : "cluster " + kit.cluster().name() + " has " + pairs.size() + " DRBD pairs: name a node of one (--pair NODE)");
        }
        for (String n : new String[] {r.victim(), r.fenced()}) {
            if (n != null && !pair.contains(n)) {
                throw new ActionException(n + " is not a node of the DRBD pair " + String.join("/", pair));
            }
        }
        // the pair layer too, when a side cannot be read: "the peer is gone" is decided from the survivor's
        // VRRP as well as its DRBD
        return new DrbdRecoveryRunbook(kit.cluster(), kit.drbd(), kit.readings(k -> k.equals("drbd " + pair.get(0))
                || k.equals("drbd " + pair.get(1))), kit.readings(k -> k.equals("drbd " + pair.get(0))
                || k.equals("drbd " + pair.get(1)) || k.equals("pair " + pair.get(0)) || k.equals("pair " + pair.get(1))),
                pair.get(0), pair.get(1), r.resource(), r.victim(), r.fenced(), ActionKit.STEP_DEADLINE);
    }
}
