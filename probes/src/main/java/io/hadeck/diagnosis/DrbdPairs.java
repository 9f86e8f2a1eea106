package io.hadeck.diagnosis;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Names the state of a DRBD pair from both nodes' readings (their DRBD text and kernel log). Pure.
 *
 * <p>Rules, in order: a node hadeck cannot read is unknown, never down — if its peer still sees it
 * (Connected, or peer role Primary) nothing is decided; a pair cut apart where each side may hold
 * writes of its own is a split-brain whatever the roles (both Secondary and StandAlone included);
 * the Chef document's scenarios 1–5 only where the evidence allows them.
 */
public final class DrbdPairs {

    private DrbdPairs() {
    }

    /** The configured pairs of a cluster, each once, in config order: [drbd-a, drbd-b]. */
    public static List<List<String>> pairs(ClusterConfig cfg) {
        List<List<String>> out = new ArrayList<>();
        for (NodeConfig n : cfg.nodes()) {
            if (!n.runsDrbd() || n.peer() == null || out.stream().anyMatch(p -> p.contains(n.name()))) {
                continue;
            }
            out.add(cfg.nodes().stream().map(NodeConfig::name).filter(x -> x.equals(n.name()) || x.equals(n.peer())).toList());
        }
        return out;
    }

    /** The pair a node belongs to, in config order. */
    public static Optional<List<String>> pairOf(ClusterConfig cfg, String node) {
        return pairs(cfg).stream().filter(p -> p.contains(node) && p.size() == 2).findFirst();
    }

    /** Diagnoses one resource of the pair {@code a}/{@code b} from the snapshot's DRBD readings. */
    public static DrbdPairDiagnosis diagnose(ClusterSnapshot s, String a, String b, List<String> resources, String resource) {
        int index = Math.max(0, resources.indexOf(resource));
        return classify(resource, side(s, a, resource, index), side(s, b, resource, index));
    }

    private static DrbdSide side(ClusterSnapshot s, String node, String resource, int index) {
        Optional<NodeView> v = s.node(node);
        return v.isEmpty() ? DrbdSide.unknown(node, node + " is not in the snapshot")
                : DrbdSide.of(node, v.get().drbd(), resource, index);
    }

    public static DrbdPairDiagnosis classify(String resource, DrbdSide a, DrbdSide b) {
        List<String> evidence = new ArrayList<>();
        String both = a.describe() + "; " + b.describe();
        if (!a.up() && !b.up()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.UNKNOWN, "neither node's DRBD is up or readable ("
                    + both + ")", evidence, a, b, null);
        }
        if (!a.up() || !b.up()) {
            return oneSide(resource, a, b, evidence);
        }
        if (a.resyncing() || b.resyncing()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.RESYNCING, "a resync runs (" + both + "): no manual "
                    + "action is needed, wait for UpToDate/UpToDate", evidence, a, b, null);
        }
        if (a.talksToPeer() && b.talksToPeer()) {
            return connected(resource, a, b, both, evidence);
        }
        return disconnected(resource, a, b, both, evidence);
    }

    private static DrbdPairDiagnosis connected(String resource, DrbdSide a, DrbdSide b, String both, List<String> ev) {
        if (a.primary() && b.primary()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.UNKNOWN, "both nodes are Primary while connected ("
                    + both + "): dual-primary is not a state the Chef document describes", ev, a, b, null);
        }
        if (!a.primary() && !b.primary()) {
            ev.add("both Secondary and connected: neither can hold writes the other lacks");
            return new DrbdPairDiagnosis(resource, DrbdScenario.BOTH_SECONDARY, "both nodes are Secondary and connected ("
                    + both + "): promote one; nothing is lost", ev, a, b, null);
        }
        if (a.upToDate() && b.upToDate()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.HEALTHY, "Connected, UpToDate/UpToDate (" + both + ")",
                    ev, a, b, null);
        }
        return new DrbdPairDiagnosis(resource, DrbdScenario.UNKNOWN, "connected but not UpToDate on both sides and no "
                + "resync runs (" + both + ")", ev, a, b, null);
    }

    private static DrbdPairDiagnosis disconnected(String resource, DrbdSide a, DrbdSide b, String both, List<String> ev) {
        for (DrbdSide s : List.of(a, b)) {
            if (s.kernelSplit() != null) {
                ev.add("the kernel on " + s.node() + " reported: " + s.kernelSplit().message());
            }
        }
        if (a.standAlone() && b.standAlone()) {
            ev.add("both sides are StandAlone: each dropped the connection");
        }
        if (a.mayHoldOwnWrites() && b.mayHoldOwnWrites()) {
            ev.add(writes(a) + "; " + writes(b));
        }
        if (!ev.isEmpty()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.SPLIT_BRAIN, "the pair is cut apart and each side may "
                    + "hold writes the other lacks (" + both + "): choose the victim whose changes are discarded", ev,
                    a, b, null);
        }
        if (!a.mayHoldOwnWrites() && !b.mayHoldOwnWrites()) {
            ev.add("both Secondary with nothing out of sync: neither holds writes of its own");
            return new DrbdPairDiagnosis(resource, DrbdScenario.BOTH_SECONDARY, "both nodes are Secondary and not "
                    + "connected, neither with writes of its own (" + both + "): promote one and reconnect; nothing is lost",
                    ev, a, b, null);
        }
        DrbdSide writer = a.mayHoldOwnWrites() ? a : b;
        DrbdSide other = writer == a ? b : a;
        ev.add(writes(writer) + "; " + other.node() + " is Secondary with nothing out of sync");
        return new DrbdPairDiagnosis(resource, DrbdScenario.DISCONNECTED, "the pair is not connected; only "
                + writer.node() + " holds writes of its own (" + both + "): reconnect, " + other.node()
                + " resyncs from " + writer.node() + "; nothing is lost", ev, a, b, null);
    }

    private static String writes(DrbdSide s) {
        return s.node() + " " + (s.primary() ? "is Primary" : "is " + s.role()) + " with " + s.amount() + " out of sync";
    }

    private static DrbdPairDiagnosis oneSide(String resource, DrbdSide a, DrbdSide b, List<String> ev) {
        DrbdSide up = a.up() ? a : b;
        DrbdSide lost = a.up() ? b : a;
        String both = up.describe() + "; " + lost.describe();
        if (up.seesPeer()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.UNKNOWN, lost.node() + " cannot be read but " + up.node()
                    + " still sees it (" + up.cstate() + ", peer " + up.resource().peerRole() + "): the pair is intact "
                    + "as far as DRBD knows; fix hadeck's access to " + lost.node() + " (" + lost.problem() + ")",
                    ev, a, b, null);
        }
        String unverified = lost.reach() == DrbdSide.Reach.UNKNOWN ? lost.node() : null;
        ev.add(up.node() + " no longer sees its peer (" + up.cstate() + ", peer role " + up.resource().peerRole() + ")");
        ev.add(lost.reach() == DrbdSide.Reach.DOWN ? lost.node() + " answers and DRBD is not running there"
                : lost.node() + " cannot be read (" + lost.problem() + "): it may be down or only cut off");
        if (up.primary()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.SECONDARY_LOST, "the Primary " + up.node()
                    + " runs without its peer (" + both + "): bring " + lost.node() + " back and it resyncs from "
                    + up.node() + " (scenario 2 if it returns Inconsistent)", ev, a, b, unverified);
        }
        if (up.upToDate()) {
            return new DrbdPairDiagnosis(resource, DrbdScenario.PRIMARY_LOST, up.node() + " is Secondary and UpToDate "
                    + "while its peer is gone (" + both + "): it has all the data it was sent and can be promoted", ev,
                    a, b, unverified);
        }
        return new DrbdPairDiagnosis(resource, DrbdScenario.PRIMARY_LOST_INCONSISTENT, up.node() + " is Secondary and "
                + up.disk() + " while its peer is gone (" + both + "): promoting it needs primary --force and loses "
                + "what it had not received", ev, a, b, unverified);
    }
}
