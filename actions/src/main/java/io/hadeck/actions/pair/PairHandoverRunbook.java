package io.hadeck.actions.pair;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.OwnershipIssue;
import io.hadeck.diagnosis.OwnershipProblem;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.diagnosis.PairSide;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;
import io.hadeck.model.VrrpState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * pair handover: the seeds' graceful transition of a legacy keepalived pair. Stopping keepalived
 * on the owner ({@code chef-server-ctl stop keepalived}) makes its notify script give the pair up
 * (VIP removed, services stopped, unmounted, DRBD Secondary) and the peer's take it (VIP, DRBD
 * Primary, mounted, services up); keepalived is then started again on the old owner, which rejoins
 * as BACKUP (nopreempt). Who owns the pair, before and after each step, is the pair's one
 * diagnosis (the one the cards, the findings and {@code pair status} show), on fresh readings.
 */
public final class PairHandoverRunbook implements Runbook {
    private final String cluster;
    private final KeepalivedManager keepalived;
    private final FreshReadings readings;
    private final String a;
    private final String b;
    private final String to;
    private final Duration deadline;

    /**
     * @param to the node that is to own the pair afterwards, as the operator named it; null: the owner's peer
     */
    public PairHandoverRunbook(String cluster, KeepalivedManager keepalived, FreshReadings readings, String a, String b,
                               String to, Duration deadline) {
        this.cluster = cluster;
        this.keepalived = keepalived;
        this.readings = readings;
        this.a = a;
        this.b = b;
        this.to = to;
        this.deadline = deadline;
    }

    @Override
    public String action() {
        return "pair handover";
    }

    @Override
    public String target() {
        return to != null ? to : a + "+" + b;
    }

    private OwnershipDiagnosis diagnose(ClusterSnapshot s) {
        return PairOwnership.diagnose(s, a, b);
    }

    @Override
    public Plan plan() {
        ClusterSnapshot s = readings.read();
        OwnershipDiagnosis d = diagnose(s);
        List<Check> checks = new ArrayList<>();
        String owner = d.owner();
        if (owner == null) {
            checks.add(Check.fail("owner", "none", "no node owns the pair (" + d.headline() + ": " + d.a().describe()
                    + "; " + d.b().describe() + "): there is nothing to hand over; follow the pair's findings first"));
            return new Plan(cluster, action(), target(), checks, List.of(), "", to != null ? to : a, null);
        }
        String peer = owner.equals(a) ? b : a;
        if (to != null && to.equals(owner)) {
            checks.add(Check.fail("owner", owner, owner + " owns the pair already: nothing to hand over to it (to move the "
                    + "pair away from " + owner + ", name " + peer + ")"));
        } else {
            checks.add(Check.pass("owner", owner, owner + " owns the pair (" + d.side(owner).describe() + "); "
                    + peer + " takes it over"));
        }
        checks.add(peerDisk(s, peer));
        checks.add(keepalivedRunning(d));
        checks.add(peerReady(d.side(peer)));
        checks.add(noCriticalProblem(d));
        List<Step> steps = List.of(
                new Step("stop keepalived on " + owner, keepalived.stop(owner), owner + ": VIP removed, services stopped, "
                        + "unmounted, DRBD Secondary; " + peer + ": VIP, DRBD Primary, mounted, services up",
                        () -> movedTo(peer), deadline),
                new Step("start keepalived on " + owner, keepalived.start(owner), owner + " rejoins as BACKUP; " + peer
                        + " keeps the pair", () -> backupAgain(owner, peer), deadline));
        return new Plan(cluster, action(), target(), checks, steps, peer + " owns the pair (VIP, DRBD Primary, mounted, "
                + "services up); " + owner + " is BACKUP with keepalived running", peer, null);
    }

    /** The peer's DRBD: Connected and UpToDate on both sides, so promoting it loses nothing. */
    private static Check peerDisk(ClusterSnapshot s, String peer) {
        Observation<DrbdStatus> o = s.node(peer).map(NodeView::drbd).orElse(null);
        if (o == null || !o.isOk()) {
            return Check.fail("peer disk", "unknown", peer + "'s DRBD could not be read" + (o == null ? "" : " (" + o.error()
                    + ")") + ": hadeck cannot tell whether it holds the data");
        }
        List<DrbdResource> bad = o.value().resources().stream()
                .filter(r -> !r.isConnected() || !r.bothUpToDate()).toList();
        String now = o.value().resources().stream().map(r -> o.value().label(r) + " "
                + r.connection() + " " + r.disk() + "/" + r.peerDisk()).collect(Collectors.joining(", "));
        return bad.isEmpty() ? Check.pass("peer disk", now, peer + " is Connected and UpToDate: it holds all the data")
                : Check.fail("peer disk", now, peer + " must be Connected and UpToDate to take over without losing "
                + "data: wait for the resync, or recover DRBD first (hadeck drbd recover)");
    }

    private static Check keepalivedRunning(OwnershipDiagnosis d) {
        List<PairSide> down = List.of(d.a(), d.b()).stream()
                .filter(x -> x.keepalived() != KeepalivedProcess.State.RUNNING).toList();
        String now = d.a().node() + " " + state(d.a()) + ", " + d.b().node() + " " + state(d.b());
        return down.isEmpty() ? Check.pass("keepalived", now, "running on both nodes: stopping it on the owner moves the pair")
                : Check.fail("keepalived", now, "keepalived must run on both nodes (start it, or continue a frozen one, on "
                + down.stream().map(PairSide::node).collect(Collectors.joining(" and ")) + ")");
    }

    private static String state(PairSide x) {
        return x.read() ? x.keepalived().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : "unknown";
    }

    /** The peer must be a BACKUP whose cluster script ran to its end: a FAULT peer (a refused takeover) takes nothing. */
    private static Check peerReady(PairSide peer) {
        VrrpState v = peer.vrrp();
        return v == VrrpState.BACKUP ? Check.pass("peer VRRP", "BACKUP", peer.node() + " is keepalived's BACKUP: it becomes MASTER")
                : Check.fail("peer VRRP", v.name(), peer.node() + " is not BACKUP, so keepalived would not make it MASTER"
                + (peer.read() && peer.state().notifyRecord() != null && peer.state().notifyRecord().refused()
                ? " (it refused a takeover: restart keepalived there once its disk is UpToDate)" : ""));
    }

    private static Check noCriticalProblem(OwnershipDiagnosis d) {
        List<OwnershipProblem> bad = d.problems().stream()
                .filter(p -> p.severity() == Severity.CRIT || p.issue() == OwnershipIssue.HANDOVER_IN_PROGRESS).toList();
        return bad.isEmpty() ? Check.pass("pair findings", d.problems().isEmpty() ? "none"
                        : d.problems().stream().map(p -> p.issue().name()).collect(Collectors.joining(", ")),
                "no critical finding and no handover in progress on the pair")
                : Check.fail("pair findings", bad.stream().map(p -> p.issue().name()).collect(Collectors.joining(", ")),
                bad.stream().map(OwnershipProblem::message).collect(Collectors.joining(" ")) + " Resolve that first.");
    }

    /** The old owner gave everything up, the peer holds everything, both cluster scripts done. */
    private Verdict movedTo(String peer) {
        OwnershipDiagnosis d = diagnose(readings.read());
        PairSide newOwner = d.side(peer);
        PairSide old = d.other(peer);
        boolean oldReleased = old.read() && !old.holdsVip() && old.activeServices().isEmpty() && !old.mounted()
                && !old.anyPrimary() && done(old);
        boolean peerHolds = peer.equals(d.owner()) && newOwner.mounted() && newOwner.state().allServicesUp() && done(newOwner);
        String now = old.describe() + " [" + steps(old) + "]; " + newOwner.describe() + " [" + steps(newOwner) + "]";
        return oldReleased && peerHolds ? Verdict.ok(peer + " owns the pair: " + newOwner.describe() + "; "
                + old.node() + " gave it up: " + old.describe()) : Verdict.notYet(now);
    }

    /** keepalived runs again on the old owner as BACKUP; the peer still owns everything. */
    private Verdict backupAgain(String old, String peer) {
        OwnershipDiagnosis d = diagnose(readings.read());
        PairSide o = d.side(old);
        boolean ok = o.keepalived() == KeepalivedProcess.State.RUNNING && o.vrrp() == VrrpState.BACKUP && done(o)
                && peer.equals(d.owner()) && d.settled();
        return ok ? Verdict.ok(peer + " owns the pair; " + old + " is BACKUP again (" + o.describe() + ")")
                : Verdict.notYet(d.headline() + ": " + o.describe() + " [" + steps(o) + "]");
    }

    private static boolean done(PairSide x) {
        return x.read() && x.state().notifyRecord() != null && x.state().notifyRecord().finished();
    }

    private static String steps(PairSide x) {
        return !x.read() ? "unknown" : x.state().notifyRecord() == null ? "no notify record" : x.state().notifyRecord().progress();
    }

    @Override
    public String stateNow() {
        try {
            OwnershipDiagnosis d = diagnose(readings.read());
            return d.headline() + ": " + d.a().describe() + "; " + d.b().describe();
        } catch (RuntimeException e) {
            return "the pair could not be read: " + e.getMessage();
        }
    }
}
