package io.hadeck.diagnosis;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides who owns a legacy keepalived pair from both nodes' readings. Pure.
 *
 * <p>The owner is the node that holds the VIP alone and is DRBD Primary. Every disagreement between
 * the layers is a problem with its suggested action. While a node's notify script still runs (its
 * record has no result yet, started less than {@link #HANDOVER_GRACE} ago) the layers are expected
 * to disagree: that is a handover in progress, and only a VIP on both nodes is reported besides it.
 * A node hadeck cannot read is unknown, never "has no VIP".
 */
public final class PairOwnership {

    /** How long a notify script may run before a half-done handover is judged as it stands. */
    public static final Duration HANDOVER_GRACE = Duration.ofSeconds(30);

    private PairOwnership() {
    }

    public static OwnershipDiagnosis diagnose(ClusterSnapshot s, String a, String b) {
        String silent = notAnswering(s, a, b);
        PeerEvidence evidence = silent == null ? null : PeerEvidence.from(s, silent.equals(a) ? b : a, silent);
        return classify(side(s, a), side(s, b), s.takenAt(), evidence);
    }

    /** The one node of the pair whose reading failed while its peer's succeeded, or null. */
    private static String notAnswering(ClusterSnapshot s, String a, String b) {
        boolean failedA = failed(s, a);
        boolean failedB = failed(s, b);
        return failedA == failedB ? null : failedA ? a : b;
    }

    private static boolean failed(ClusterSnapshot s, String node) {
        return s.node(node).map(NodeView::pair).map(o -> !o.isOk()).orElse(false);
    }

    private static PairSide side(ClusterSnapshot s, String node) {
        return PairSide.of(node, s.node(node).orElse(null));
    }

    public static OwnershipDiagnosis classify(PairSide a, PairSide b, Instant now) {
        return classify(a, b, now, null);
    }

    /**
     * @param evidence what the side that answers shows of the one that does not, null when both or
     *                 neither answer
     */
    public static OwnershipDiagnosis classify(PairSide a, PairSide b, Instant now, PeerEvidence evidence) {
        List<OwnershipProblem> out = new ArrayList<>();
        if (evidence != null) {
            out.add(notAnswering(evidence, (evidence.silent().equals(a.node()) ? a : b).problem()));
        }
        List<PairSide> both = List.of(a, b);
        List<PairSide> vip = both.stream().filter(PairSide::holdsVip).toList();
        boolean handover = both.stream().anyMatch(x -> running(x, now));
        String owner = vip.size() == 1 && vip.get(0).primary() ? vip.get(0).node() : null;

        if (vip.size() == 2) {
            out.add(vipOnBoth(a, b));
        }
        if (handover) {
            out.add(OwnershipProblem.of(OwnershipIssue.HANDOVER_IN_PROGRESS, names(both), "handover in progress: "
                    + progress(a) + "; " + progress(b) + ".", "Wait: keepalived's notify scripts are moving the pair "
                    + "(watch it with hadeck pair status --watch)."));
        } else {
            judgeSettled(a, b, vip, owner, out);
        }
        for (PairSide x : both) {
            keepalived(x, out);
        }
        out.sort(Comparator.comparing(OwnershipProblem::severity).reversed());
        return new OwnershipDiagnosis(a, b, owner, out, evidence);
    }

    private static void judgeSettled(PairSide a, PairSide b, List<PairSide> vip, String owner, List<OwnershipProblem> out) {
        if (vip.isEmpty() && a.read() && b.read()) {
            PairSide primary = a.primary() ? a : b.primary() ? b : null;
            out.add(OwnershipProblem.of(OwnershipIssue.VIP_ON_NEITHER, names(List.of(a, b)), "the VIP is on neither node ("
                    + a.describe() + "; " + b.describe() + "): clients cannot reach the pair.", primary != null
                    ? "Start keepalived on " + primary.node() + " (systemctl start keepalived), the DRBD Primary, so it takes the VIP."
                    : "Neither node is DRBD Primary either: follow the DRBD recovery (hadeck drbd recover), then start "
                    + "keepalived on the node that holds the data."));
        }
        if (vip.size() == 1) {
            PairSide holder = vip.get(0);
            PairSide other = holder == a ? b : a;
            if (!holder.primary() && holder.anyPrimary() && !other.anyPrimary()) {
                out.add(partlyPrimary(holder, other));
            } else if (!holder.primary() || other.anyPrimary()) {
                out.add(OwnershipProblem.of(OwnershipIssue.VIP_DRBD_MISMATCH, names(List.of(a, b)), "the VIP is on "
                        + holder.node() + " but DRBD Primary is " + (other.anyPrimary() ? other.node() + onResources(other) : "neither node")
                        + " (" + holder.describe() + "; " + other.describe() + "): clients reach a node that cannot write.",
                        other.anyPrimary() ? "Hand the pair over cleanly: stop keepalived on " + holder.node()
                                + " so the VIP follows the data to " + other.node() + " (hadeck pair handover --to "
                                + other.node() + ")." : "Make " + holder.node() + " DRBD Primary (see the DRBD findings), "
                                + "or stop keepalived on it so the peer takes over."));
            } else if (owner != null && incomplete(holder)) {
                out.add(OwnershipProblem.of(OwnershipIssue.OWNER_INCOMPLETE, List.of(owner), owner + " owns the pair but "
                        + missing(holder) + " (" + holder.describe() + ").", "Its notify script stopped early: "
                        + "restart keepalived on " + other.node() + " then " + owner + ", or finish the steps by hand "
                        + "(mount, then start the services)."));
            }
        }
        for (PairSide x : List.of(a, b)) {
            if (x.mounted() && !x.anyPrimary()) {
                out.add(OwnershipProblem.of(OwnershipIssue.MOUNTED_ON_SECONDARY, List.of(x.node()), x.node()
                        + " has the DRBD device mounted while it is not Primary (" + x.describe() + ").",
                        "Stop the services on " + x.node() + " and unmount " + x.state().mountedOn() + " there."));
            }
            if (!x.activeServices().isEmpty() && (owner == null || !owner.equals(x.node())) && !x.holdsVip()) {
                out.add(OwnershipProblem.of(OwnershipIssue.SERVICES_ON_NON_OWNER, List.of(x.node()), x.node()
                        + " runs " + String.join(", ", x.activeServices()) + " but does not own the pair ("
                        + x.describe() + ").", "Stop them on " + x.node() + " (systemctl stop "
                        + String.join(" ", x.activeServices()) + "): only the owner may run them."));
            }
        }
    }

    /** The VIP holder is Primary on some of the pair's resources and not on the others. */
    private static OwnershipProblem partlyPrimary(PairSide holder, PairSide other) {
        List<String> not = holder.resources(false);
        String them = String.join(", ", not);
        return OwnershipProblem.of(OwnershipIssue.VIP_DRBD_MISMATCH, names(List.of(holder, other)), "the VIP is on "
                + holder.node() + " but it is DRBD Primary only on " + String.join(", ", holder.resources(true))
                + ", not on " + them + " (" + holder.describe() + "; " + other.describe() + "): what lives on " + them
                + " cannot be written.", "Make " + holder.node() + " Primary on " + them + " too (drbdadm primary "
                + String.join(" ", not) + " there; see the DRBD findings if it is refused), or hand the pair over "
                + "cleanly (hadeck pair handover --to " + other.node() + ") once " + other.node() + " is UpToDate on all of them.");
    }

    /** " (on pc1)" when a node is Primary on only some of its resources, else "". */
    private static String onResources(PairSide x) {
        return x.primary() ? "" : " (on " + String.join(", ", x.resources(true)) + ")";
    }

    private static void keepalived(PairSide x, List<OwnershipProblem> out) {
        if (!x.read()) {
            return;
        }
        NotifyRecord r = x.state().notifyRecord();
        if (r != null && r.refused()) {
            out.add(OwnershipProblem.of(OwnershipIssue.TAKEOVER_REFUSED, List.of(x.node()), x.node()
                    + " refused to take the pair back: " + (r.reason() != null ? r.reason() : r.lastStep()
                    .map(NotifyRecord.Step::describe).orElse("")) + "; keepalived there is " + r.state() + ".",
                    "Leave the pair where it is; once " + x.node() + " is UpToDate again, restart keepalived there "
                            + "(systemctl restart keepalived) so it rejoins as BACKUP."));
        }
        KeepalivedProcess.State ka = x.keepalived();
        if (ka == KeepalivedProcess.State.RUNNING) {
            return;
        }
        boolean onOwner = x.holdsVip();
        String what = ka == KeepalivedProcess.State.FROZEN ? "is frozen (stopped by a signal: it sends no adverts)"
                : "is not running";
        out.add(new OwnershipProblem(OwnershipIssue.KEEPALIVED_DOWN, onOwner ? Severity.CRIT : Severity.WARN,
                List.of(x.node()), "keepalived on " + x.node() + " " + what + (onOwner
                ? " while it holds the VIP: nothing will move the pair if it fails" : ": it cannot take the pair over") + ".",
                ka == KeepalivedProcess.State.FROZEN ? "Find what hung it; continue it (kill -CONT) or restart it "
                        + "(systemctl restart keepalived) on " + x.node() + "."
                        : "Start it on " + x.node() + " (systemctl start keepalived)."));
    }

    private static OwnershipProblem notAnswering(PeerEvidence e, String why) {
        String gone = e.silent();
        String action = switch (e.verdict()) {
            case PEER_ALIVE -> "Do not take over from " + gone + ": it is alive. Repair hadeck's access to it (ssh, "
                    + "the management network); the DRBD findings say whether replication needs a hand.";
            case PEER_SILENT -> "Check " + gone + "'s power and console: by " + e.survivor() + "'s own links it is "
                    + "gone. keepalived has moved the pair to " + e.survivor() + " if it could; hadeck drbd recover "
                    + "plans what is left.";
            case NOT_ENOUGH -> "Find out whether " + gone + " is down (its console, its power) before any takeover; "
                    + "once it is powered off or cut off: hadeck drbd recover --peer-fenced " + gone + ".";
        };
        return new OwnershipProblem(OwnershipIssue.PEER_NOT_ANSWERING, e.verdict() == PeerEvidence.Verdict.PEER_ALIVE
                ? Severity.WARN : Severity.CRIT, List.of(gone, e.survivor()), gone + " does not answer ("
                + (why == null ? "no reading" : why.replaceFirst("^" + java.util.regex.Pattern.quote(gone)
                + " cannot be read: ", "")) + "); " + e.reason() + ".", action);
    }

    private static OwnershipProblem vipOnBoth(PairSide a, PairSide b) {
        PairSide hung = a.keepalived() == KeepalivedProcess.State.FROZEN ? a
                : b.keepalived() == KeepalivedProcess.State.FROZEN ? b : null;
        PairSide keep = a.primary() ? a : b.primary() ? b : null;
        String action = hung != null ? "keepalived on " + hung.node() + " is frozen: continue or restart it there; it "
                + "will see the other master and drop to BACKUP. If it does not, stop keepalived on "
                + (keep != null && keep != hung ? (keep == a ? b : a).node() : hung.node()) + "."
                : "Both nodes answer ARP for the VIP: stop keepalived on the node that is not DRBD Primary"
                + (keep != null ? " (keep " + keep.node() + ")" : "") + " and check the VRRP link between them.";
        return OwnershipProblem.of(OwnershipIssue.VIP_ON_BOTH, names(List.of(a, b)), "the VIP is on both nodes ("
                + a.describe() + "; " + b.describe() + "): clients may write to either.", action);
    }

    private static boolean running(PairSide x, Instant now) {
        if (!x.read() || x.state().notifyRecord() == null) {
            return false;
        }
        NotifyRecord r = x.state().notifyRecord();
        return !r.finished() && (r.at() == null || Duration.between(r.at(), now).compareTo(HANDOVER_GRACE) < 0);
    }

    private static String progress(PairSide x) {
        if (!x.read()) {
            return x.problem();
        }
        NotifyRecord r = x.state().notifyRecord();
        return x.node() + " " + (r == null ? "no notify record" : r.progress());
    }

    private static boolean incomplete(PairSide x) {
        return x.read() && (x.state().mount() != null && !x.mounted() || !x.state().services().isEmpty()
                && !x.state().allServicesUp());
    }

    private static String missing(PairSide x) {
        List<String> m = new ArrayList<>();
        if (x.state().mount() != null && !x.mounted()) {
            m.add("the DRBD device is not mounted");
        }
        if (!x.state().allServicesUp()) {
            List<String> down = x.state().services().entrySet().stream().filter(e -> !e.getValue()).map(java.util.Map.Entry::getKey).toList();
            m.add(String.join(", ", down) + (down.size() == 1 ? " is" : " are") + " not running");
        }
        return String.join(" and ", m);
    }

    private static List<String> names(List<PairSide> sides) {
        return sides.stream().map(PairSide::node).toList();
    }

    /**
     * The pairs among a snapshot's nodes: each keepalived node with its configured peer, once, in
     * configuration order. A pair neither side of which could be read is still a pair (unknown).
     */
    public static List<List<String>> pairs(ClusterSnapshot s) {
        List<List<String>> out = new ArrayList<>();
        for (NodeView n : s.nodes()) {
            String peer = n.pairPeer() != null ? n.pairPeer() : n.pair() != null && n.pair().isOk() ? n.pair().value().peer() : null;
            if (peer == null || out.stream().anyMatch(p -> p.contains(n.name()))) {
                continue;
            }
            out.add(List.of(n.name(), peer));
        }
        return out;
    }
}
