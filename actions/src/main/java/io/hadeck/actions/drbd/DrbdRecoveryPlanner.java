package io.hadeck.actions.drbd;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.diagnosis.DrbdPairDiagnosis;
import io.hadeck.diagnosis.DrbdPairs;
import io.hadeck.diagnosis.DrbdScenario;
import io.hadeck.diagnosis.DrbdSide;
import io.hadeck.diagnosis.PeerEvidence;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResourceConfig;
import io.hadeck.model.NodeView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One recovery plan for one diagnosis of the pair: the Chef document's steps for its scenario, each
 * verified against a fresh reading of the pair. The runbook asks, diagnoses and re-plans; this says
 * what to do about what it found.
 */
final class DrbdRecoveryPlanner {
    private final DrbdRecoveryRunbook runbook;
    private final DrbdManager drbd;
    private final FreshReadings readings;
    private final String a;
    private final String b;
    private final String victim;
    private final String fenced;
    private final Duration deadline;
    private final DrbdPairDiagnosis d;
    private final String res;
    private final List<Check> checks;
    private final ClusterSnapshot snap;
    private final List<Step> steps = new ArrayList<>();
    private String confirm;
    private String loss;
    private Plan.Question question;
    private String end;

    DrbdRecoveryPlanner(DrbdRecoveryRunbook runbook, DrbdPairDiagnosis d, String res, List<Check> checks, ClusterSnapshot snap) {
        this.runbook = runbook;
        this.drbd = runbook.drbd;
        this.readings = runbook.readings;
        this.a = runbook.a;
        this.b = runbook.b;
        this.victim = runbook.victim;
        this.fenced = runbook.fenced;
        this.deadline = runbook.deadline;
        this.d = d;
        this.res = res;
        this.checks = checks;
        this.snap = snap;
        this.confirm = a;
        this.end = "Connected, UpToDate/UpToDate on " + a + " and " + b;
    }

    Plan plan() {
        switch (d.scenario()) {
            case HEALTHY, RESYNCING, UNKNOWN -> checks.add(Check.fail("recoverable", d.scenario().title(),
                    d.scenario() == DrbdScenario.HEALTHY ? "nothing to recover: " + d.reason() : d.reason()));
            case SECONDARY_LOST -> secondaryLost();
            case PRIMARY_LOST, PRIMARY_LOST_INCONSISTENT -> primaryLost();
            case BOTH_SECONDARY -> bothSecondary();
            case DISCONNECTED -> disconnected();
            case SPLIT_BRAIN -> splitBrain();
        }
        if (victim != null && d.scenario() != DrbdScenario.SPLIT_BRAIN) {
            checks.add(Check.fail("victim", victim, "--victim is for a split-brain, and this pair is in "
                    + d.scenario().title() + ": " + d.reason() + "; nothing of " + victim + "'s is to be discarded"));
        }
        return new Plan(runbook.cluster.name(), runbook.action(), runbook.target(), checks, steps, end, confirm, loss, question);
    }

    void secondaryLost() {
        DrbdSide lost = d.lost();
        confirm = lost.node();
        if (lost.reach() == DrbdSide.Reach.DOWN) {
            checks.add(Check.pass("reachable", lost.node() + " answers, DRBD is down there", "DRBD can be started again"));
            steps.add(bringBack(lost.node(), d.survivor().node()));
        } else {
            PeerEvidence e = PeerEvidence.from(snap, d.survivor().node(), lost.node());
            checks.add(Check.fail("reachable", "unknown", lost.problem() + "; " + e.reason() + ": repair the host "
                    + "or hadeck's ssh to it first; the Primary " + d.survivor().node() + " keeps serving meanwhile"));
        }
    }

    void primaryLost() {
        DrbdSide up = d.survivor();
        DrbdSide lost = d.lost();
        confirm = up.node();
        List<String> losses = new ArrayList<>();
        if (d.unverified() != null) {
            peerGone(up, lost, losses);
        }
        boolean force = d.scenario() == DrbdScenario.PRIMARY_LOST_INCONSISTENT;
        steps.add(new Step(force ? "force " + up.node() + " to Primary" : "promote " + up.node(),
                force ? drbd.verb(up.node(), res, "primary", "--force") : drbd.verb(up.node(), res, "primary"),
                up.node() + " is Primary", () -> side(up.node(), DrbdSide::primary, "Primary"), deadline));
        if (force) {
            losses.add(up.node() + " is " + up.disk() + (up.oosKiB() > 0 ? " with " + up.amount() + " it never received"
                    : "") + ": whatever " + lost.node() + " wrote that " + up.node() + " had not received is lost.");
            if (up.standAlone()) {
                steps.add(new Step("let " + up.node() + " accept its peer again", drbd.verb(up.node(), res, "connect"),
                        up.node() + " waits for its peer", () -> side(up.node(), s -> !s.standAlone(), "not StandAlone"),
                        deadline));
            }
        }
        loss = losses.isEmpty() ? null : String.join(" ", losses);
        if (lost.reach() == DrbdSide.Reach.DOWN) {
            steps.add(bringBack(lost.node(), up.node()));
        } else {
            end = up.node() + " is Primary; " + lost.node() + " will sync from it when it returns";
        }
    }

    /**
     * "The peer is gone" from the survivor's own links (Chef HA scenarios 3/4), never from hadeck
     * failing to reach it: a survivor that still sees its peer refuses the takeover outright, one
     * that hears nothing on both links allows it, and anything less needs the operator's word that
     * the peer is fenced.
     */
    private void peerGone(DrbdSide up, DrbdSide lost, List<String> losses) {
        PeerEvidence e = PeerEvidence.from(snap, up.node(), lost.node());
        String unread = lost.problem();
        String lostWrites = lost.node() + " could not be read: whatever it wrote that " + up.node()
                + " never received is lost when " + up.node() + " takes over.";
        switch (e.verdict()) {
            case PEER_ALIVE -> checks.add(Check.fail("peer gone", "no: " + up.node() + " still sees " + lost.node(),
                    unread + "; " + e.reason() + ". Promoting " + up.node() + " would make two Primaries"
                            + (lost.node().equals(fenced) ? "; the statement that " + lost.node() + " is fenced "
                            + "contradicts what " + up.node() + " sees: fence it for real, then plan again"
                            : ": repair hadeck's access to " + lost.node() + " and look at it first")));
            case PEER_SILENT -> {
                checks.add(Check.pass("peer gone", "by " + up.node() + "'s own links", unread + "; " + e.reason()));
                losses.add(lostWrites);
            }
            case NOT_ENOUGH -> {
                if (lost.node().equals(fenced)) {
                    checks.add(Check.pass("peer fenced", "operator states " + lost.node() + " is down or fenced",
                            unread + "; " + e.reason() + "; the operator's statement stands in for it"));
                    losses.add(lostWrites);
                } else {
                    checks.add(Check.fail("peer fenced", "not stated", unread + "; " + e.reason() + ". It may be "
                            + "cut off and still Primary. Fence it (power it off or cut it off), then say so: drbd "
                            + "recover --peer-fenced " + lost.node()));
                    question = new Plan.Question("fenced", lost.node() + " cannot be read and " + up.node()
                            + "'s own evidence is not enough. Is it powered off or cut off (fenced)? Type its name "
                            + "to state that it is", List.of(lost.node()), "--peer-fenced " + lost.node());
                }
            }
        }
    }

    void bothSecondary() {
        DrbdSide keep = d.a();
        DrbdSide other = d.b();
        confirm = keep.node();
        checks.add(Check.pass("keep", keep.node(), "neither side holds writes of its own: " + keep.node()
                + " (first in the configuration) is promoted and nothing is lost"));
        steps.add(new Step("promote " + keep.node(), drbd.verb(keep.node(), res, "primary"), keep.node() + " is Primary",
                () -> side(keep.node(), DrbdSide::primary, "Primary"), deadline));
        for (DrbdSide s : List.of(keep, other)) {
            if (s.standAlone()) {
                steps.add(connect(s.node(), keep.node()));
            }
        }
        end = keep.node() + " is Primary; Connected, UpToDate/UpToDate";
    }

    void disconnected() {
        DrbdSide writer = d.a().mayHoldOwnWrites() ? d.a() : d.b();
        confirm = writer.node();
        List<DrbdSide> alone = List.of(d.a(), d.b()).stream().filter(DrbdSide::standAlone).toList();
        if (alone.isEmpty()) {
            checks.add(Check.fail("reconnectable", "both wait for each other", "neither side is StandAlone, so DRBD "
                    + "reconnects by itself once the two can reach each other: check the replication link between "
                    + a + " and " + b));
            return;
        }
        alone.forEach(s -> steps.add(connect(s.node(), writer.node())));
        end = "Connected, UpToDate/UpToDate; " + writer.node() + "'s data kept";
    }

    void splitBrain() {
        policy();
        if (victim == null) {
            checks.add(Check.fail("victim", "not chosen", "split-brain: choose the victim whose changes since the split"
                    + " are discarded (" + d.both() + "): drbd recover --victim NODE"));
            question = new Plan.Question("keep", "Split-brain on " + res + ": whose data do you KEEP? The other side's"
                    + " changes since the split are discarded.\n  " + lastWrites(d.a()) + "\n  " + lastWrites(d.b()),
                    List.of(a, b), "--victim NODE");
            return;
        }
        DrbdSide v = d.side(victim).orElseThrow();
        DrbdSide keep = d.other(victim);
        confirm = victim;
        checks.add(Check.pass("victim", victim, victim + "'s changes are discarded; " + keep.node() + "'s are kept"));
        loss = victim + "'s changes since the split (" + v.amount() + " out of sync, role " + v.role()
                + ") are discarded; " + keep.node() + "'s data is kept.";
        if (v.primary()) {
            steps.add(new Step("demote the victim " + victim, drbd.verb(victim, res, "secondary"), victim + " is Secondary",
                    () -> side(victim, s -> !s.primary(), "Secondary"), deadline));
        }
        if (!v.standAlone()) {
            steps.add(new Step("disconnect " + victim, drbd.verb(victim, res, "disconnect"), victim + " is StandAlone",
                    () -> side(victim, DrbdSide::standAlone, "StandAlone"), deadline));
        }
        steps.add(new Step("reconnect " + victim + " discarding its data", drbd.verb(victim, res, "connect",
                "--discard-my-data"), victim + " waits for or syncs from " + keep.node(),
                () -> side(victim, s -> !s.standAlone(), "not StandAlone"), deadline));
        if (keep.standAlone()) {
            steps.add(new Step("reconnect " + keep.node(), drbd.verb(keep.node(), res, "connect"), keep.node()
                    + " talks to " + victim, () -> side(keep.node(), DrbdSide::talksToPeer, "connected"), deadline));
        }
        if (!keep.primary()) {
            // both were made Secondary after the split: the kept side serves again
            steps.add(new Step("promote " + keep.node(), drbd.verb(keep.node(), res, "primary"), keep.node()
                    + " is Primary", () -> side(keep.node(), DrbdSide::primary, "Primary"), deadline));
        }
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.title(), last.call(), last.expected() + "; then Connected, UpToDate/UpToDate",
                () -> healthy(keep.node()), deadline));
        end = "Connected, UpToDate/UpToDate; " + keep.node() + "'s data kept";
    }

    /**
     * Which of DRBD's after-split-brain policies applies to this split (drbdadm dump) and what DRBD
     * does or does not do by itself; the victim's --discard-my-data settles it whatever the policy.
     */
    private void policy() {
        int primaries = (d.a().primary() ? 1 : 0) + (d.b().primary() ? 1 : 0);
        java.util.Optional<DrbdResourceConfig> c = java.util.stream.Stream.of(a, b).map(snap::node)
                .flatMap(java.util.Optional::stream).map(NodeView::drbd)
                .filter(o -> o != null && o.isOk()).map(o -> o.value().config().named(res))
                .flatMap(java.util.Optional::stream).findFirst();
        checks.add(c.map(k -> Check.pass("policy", k.forPrimaries(primaries).toString(), k.advice(primaries)
                        + " The victim's connect --discard-my-data settles it whatever the policy."))
                .orElse(Check.pass("policy", "unknown", "drbdadm dump could not be read: DRBD's split-brain policies "
                        + "for " + res + " are not known; the victim's connect --discard-my-data settles it anyway.")));
    }

    private String lastWrites(DrbdSide s) {
        return s.node() + ": " + s.role() + ", " + s.amount() + " out of sync"
                + (s.kernelSplit() != null ? ", kernel: " + s.kernelSplit().message() : "")
                + (s.primary() ? ", was accepting writes" : "");
    }

    private Step connect(String node, String keep) {
        return new Step("reconnect " + node, drbd.verb(node, res, "connect"), "Connected, UpToDate/UpToDate",
                () -> healthy(keep), deadline);
    }

    private Step bringBack(String lost, String source) {
        return new Step("bring DRBD back up on " + lost, drbd.verb(lost, res, "up"), lost + " syncs from " + source
                + " and ends UpToDate", () -> healthy(source), deadline);
    }

    /** The pair's diagnosis on a fresh reading: what each step's verification looks at. */
    private DrbdPairDiagnosis now() {
        return DrbdPairs.diagnose(readings.read(), a, b, runbook.resources(), res);
    }

    private Verdict side(String node, Predicate<DrbdSide> want, String words) {
        DrbdSide s = now().side(node).orElseThrow();
        return want.test(s) ? Verdict.ok(node + " is " + words + " (" + s.describe() + ")") : Verdict.notYet(s.describe());
    }

    /** Both Connected and UpToDate: the pair's diagnosis says healthy. */
    private Verdict healthy(String keep) {
        DrbdPairDiagnosis now = now();
        return now.scenario() == DrbdScenario.HEALTHY
                ? Verdict.ok("Connected, UpToDate/UpToDate: " + now.both() + " (" + keep + "'s data kept)")
                : Verdict.notYet(now.scenario().title() + ": " + now.both());
    }
}
