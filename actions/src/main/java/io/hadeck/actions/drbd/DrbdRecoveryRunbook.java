package io.hadeck.actions.drbd;

import io.hadeck.actions.Sizes;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * drbd recover [--victim NODE]: reads both nodes, names the scenario, and plans the Chef document's
 * recovery for it (LINBIT's procedure for split-brain). Refuses when the pair's state matches no
 * scenario, when there is nothing to do, or when split-brain needs a victim the operator has not chosen.
 */
public final class DrbdRecoveryRunbook implements Runbook {
    private final String cluster;
    private final DrbdManager drbd;
    private final String a;
    private final String b;
    private final String victim;
    private final Duration deadline;

    public DrbdRecoveryRunbook(String cluster, DrbdManager drbd, String a, String b, String victim, Duration deadline) {
        this.cluster = cluster;
        this.drbd = drbd;
        this.a = a;
        this.b = b;
        this.victim = victim;
        this.deadline = deadline;
    }

    @Override
    public String action() {
        return "drbd recover";
    }

    @Override
    public String target() {
        return victim != null ? victim : a + "+" + b;
    }

    public DrbdDiagnosis diagnose() {
        return DrbdScenarioClassifier.classify(drbd.read(a), drbd.read(b));
    }

    @Override
    public Plan plan() {
        DrbdDiagnosis d = diagnose();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass("scenario", d.scenario().title(), d.reason()));
        List<Step> steps = new ArrayList<>();
        String confirm = a;
        String loss = null;
        String end = "Connected, UpToDate/UpToDate on " + a + " and " + b;
        switch (d.scenario()) {
            case HEALTHY, RESYNCING, UNKNOWN -> checks.add(Check.fail("recoverable", d.scenario().title(),
                    d.scenario() == DrbdScenario.HEALTHY ? "nothing to recover: " + d.reason() : d.reason()));
            case SECONDARY_LOST -> {
                DrbdSide lost = d.lost();
                confirm = lost.node();
                checks.add(reachable(lost));
                steps.add(bringBack(lost.node(), d.survivor().node()));
            }
            case PRIMARY_LOST, PRIMARY_LOST_INCONSISTENT -> {
                DrbdSide up = d.survivor();
                DrbdSide lost = d.lost();
                confirm = up.node();
                boolean force = d.scenario() == DrbdScenario.PRIMARY_LOST_INCONSISTENT;
                steps.add(new Step(force ? "force " + up.node() + " to Primary" : "promote " + up.node(),
                        force ? drbd.verb(up.node(), "primary", "--force") : drbd.verb(up.node(), "primary"),
                        up.node() + " is Primary", () -> role(up.node(), "Primary"), deadline));
                if (force) {
                    loss = up.node() + " is " + up.disk() + (up.oosKiB() > 0 ? " with " + Sizes.kib(up.oosKiB())
                            + " it never received" : "") + ": whatever " + lost.node() + " wrote that " + up.node()
                            + " had not received is lost.";
                    if (up.standAlone()) {
                        steps.add(new Step("let " + up.node() + " accept its peer again", drbd.verb(up.node(), "connect"),
                                up.node() + " waits for its peer", () -> notStandAlone(up.node()), deadline));
                    }
                }
                if (lost.reachable()) {
                    steps.add(bringBack(lost.node(), up.node()));
                } else {
                    end = up.node() + " is Primary; " + lost.node() + " will sync from it when it returns";
                }
            }
            case BOTH_SECONDARY -> {
                DrbdSide keep = d.a().oosKiB() <= d.b().oosKiB() ? d.a() : d.b();
                DrbdSide other = d.other(keep.node());
                confirm = keep.node();
                checks.add(Check.pass("keep", keep.node(), keep.node() + " has the lower out-of-sync amount ("
                        + amount(keep) + " vs " + amount(other) + " on " + other.node() + ")"));
                steps.add(new Step("promote " + keep.node(), drbd.verb(keep.node(), "primary"), keep.node() + " is Primary",
                        () -> role(keep.node(), "Primary"), deadline));
                if (!other.connected()) {
                    loss = other.oosKiB() != 0 ? other.node() + "'s own writes (" + amount(other) + " out of sync) are"
                            + " discarded; it resyncs from " + keep.node() + "." : null;
                    rejoin(steps, other, keep);
                }
                end = keep.node() + " is Primary; Connected, UpToDate/UpToDate";
            }
            case SPLIT_BRAIN -> {
                if (victim == null || d.side(victim) == null) {
                    checks.add(Check.fail("victim", victim == null ? "not chosen" : victim + "?", "split-brain: choose the "
                            + "victim whose changes are discarded (" + d.a().describe() + "; " + d.b().describe()
                            + "): drbd recover --victim NODE"));
                } else {
                    DrbdSide v = d.side(victim);
                    DrbdSide keep = d.other(victim);
                    confirm = victim;
                    loss = victim + "'s changes since the split (" + amount(v) + " out of sync, role " + v.role()
                            + ") are discarded; " + keep.node() + "'s data is kept.";
                    if (v.primary()) {
                        steps.add(new Step("demote the victim " + victim, drbd.verb(victim, "secondary"),
                                victim + " is Secondary", () -> role(victim, "Secondary"), deadline));
                    }
                    rejoin(steps, v, keep);
                    end = "Connected, UpToDate/UpToDate; " + keep.node() + "'s data kept";
                }
            }
            default -> throw new IllegalStateException(d.scenario().name());
        }
        return new Plan(cluster, action(), target(), checks, steps, end, confirm, loss);
    }

    /** LINBIT: victim disconnect (if connected), connect --discard-my-data; survivor connect if StandAlone. */
    private void rejoin(List<Step> steps, DrbdSide v, DrbdSide keep) {
        if (!v.standAlone()) {
            steps.add(new Step("disconnect " + v.node(), drbd.verb(v.node(), "disconnect"), v.node() + " is StandAlone",
                    () -> cstate(v.node(), "StandAlone"), deadline));
        }
        boolean keepConnects = keep.standAlone();
        steps.add(new Step("reconnect " + v.node() + " discarding its data", drbd.verb(v.node(), "connect", "--discard-my-data"),
                v.node() + " waits for or syncs from " + keep.node(),
                keepConnects ? () -> notStandAlone(v.node()) : () -> pairHealthy(keep.node()), deadline));
        if (keepConnects) {
            steps.add(new Step("reconnect " + keep.node(), drbd.verb(keep.node(), "connect"),
                    "Connected, UpToDate/UpToDate", () -> pairHealthy(keep.node()), deadline));
        }
    }

    private Step bringBack(String lost, String source) {
        return new Step("bring DRBD back up on " + lost, drbd.verb(lost, "up"), lost + " syncs from " + source
                + " and ends UpToDate", () -> pairHealthy(source), deadline);
    }

    private Check reachable(DrbdSide lost) {
        return lost.reachable() ? Check.pass("reachable", lost.node() + " answers", "DRBD can be started there again")
                : Check.fail("reachable", "no", lost.describe() + ": repair or replace the host first; "
                + "the Primary keeps serving meanwhile");
    }

    private static String amount(DrbdSide s) {
        return s.oosKiB() < 0 ? "unknown" : Sizes.kib(s.oosKiB());
    }

    private Verdict role(String node, String want) {
        DrbdSide s = drbd.read(node);
        return want.equals(s.role()) ? Verdict.ok(node + " is " + want + " (" + s.describe() + ")") : Verdict.notYet(s.describe());
    }

    private Verdict cstate(String node, String want) {
        DrbdSide s = drbd.read(node);
        return want.equals(s.cstate()) ? Verdict.ok(s.describe()) : Verdict.notYet(s.describe());
    }

    private Verdict notStandAlone(String node) {
        DrbdSide s = drbd.read(node);
        return s.up() && !s.standAlone() ? Verdict.ok(s.describe()) : Verdict.notYet(s.describe());
    }

    /** Both Connected and UpToDate; {@code primary}, when it was Primary before, still is. */
    private Verdict pairHealthy(String keep) {
        DrbdSide x = drbd.read(a);
        DrbdSide y = drbd.read(b);
        String both = x.describe() + "; " + y.describe();
        boolean ok = x.connected() && y.connected() && x.upToDate() && y.upToDate() && "Connected".equals(x.cstate());
        return ok ? Verdict.ok("Connected, UpToDate/UpToDate: " + both + " (" + keep + "'s data kept)") : Verdict.notYet(both);
    }

    @Override
    public String stateNow() {
        DrbdDiagnosis d = diagnose();
        return d.scenario().title() + ": " + d.a().describe() + "; " + d.b().describe();
    }
}
