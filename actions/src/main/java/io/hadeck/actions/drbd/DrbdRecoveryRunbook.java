package io.hadeck.actions.drbd;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.config.ClusterConfig;
import io.hadeck.diagnosis.DrbdPairDiagnosis;
import io.hadeck.diagnosis.DrbdPairs;
import io.hadeck.diagnosis.DrbdSide;
import io.hadeck.model.ClusterSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * drbd recover: reads both nodes fresh through probes' DRBD reader (text and kernel log), takes the
 * pair's one diagnosis — the one the findings and the card show — and plans the Chef document's
 * recovery for it (LINBIT's procedure for split-brain). It discards exactly the side the operator
 * named, never promotes a peer of a node it could not read without the operator's statement that
 * the node is fenced, and never picks a resource for the operator. What to do for each scenario is
 * {@link DrbdRecoveryPlanner}'s.
 */
public final class DrbdRecoveryRunbook implements Runbook {
    final ClusterConfig cluster;
    final DrbdManager drbd;
    /** Both nodes' DRBD: what every plan and every step's verification reads. */
    final FreshReadings readings;
    /** Their DRBD and their pair layer (VRRP, VIP): read only when hadeck cannot read one side. */
    private final FreshReadings withPairLayer;
    final String a;
    final String b;
    private final String resource;
    final String victim;
    final String fenced;
    final Duration deadline;

    public DrbdRecoveryRunbook(ClusterConfig cluster, DrbdManager drbd, FreshReadings readings, FreshReadings withPairLayer,
                               String a, String b, String resource, String victim, String fenced, Duration deadline) {
        this.cluster = cluster;
        this.drbd = drbd;
        this.readings = readings;
        this.withPairLayer = withPairLayer;
        this.a = a;
        this.b = b;
        this.resource = resource;
        this.victim = victim;
        this.fenced = fenced;
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

    @Override
    public Runbook answer(String questionId, String value) {
        return switch (questionId) {
            case "resource" -> with(value, victim, fenced);
            case "keep" -> with(resource, value.equals(a) ? b : a, fenced);
            case "fenced" -> with(resource, victim, value);
            default -> Runbook.super.answer(questionId, value);
        };
    }

    /** The same recovery with the operator's answers so far. */
    private DrbdRecoveryRunbook with(String chosen, String victimNode, String fencedNode) {
        return new DrbdRecoveryRunbook(cluster, drbd, readings, withPairLayer, a, b, chosen, victimNode, fencedNode, deadline);
    }

    List<String> resources() {
        return cluster.node(a).map(n -> n.drbdResources()).orElse(List.of());
    }

    /** The pair's diagnosis on a fresh reading; null resource when the operator has to choose one. */
    public DrbdPairDiagnosis diagnose() {
        return DrbdPairs.diagnose(readings.read(), a, b, resources(), chosenResource());
    }

    private String chosenResource() {
        List<String> all = resources();
        return resource != null ? resource : all.size() == 1 ? all.get(0) : null;
    }

    @Override
    public Plan plan() {
        String res = chosenResource();
        List<String> all = resources();
        if (res == null || !all.contains(res)) {
            String why = res == null ? "the pair has " + all.size() + " resources (" + String.join(", ", all)
                    + "): choose one with --resource NAME" : "no resource " + res + " on " + a + " (" + String.join(", ", all) + ")";
            return new Plan(cluster.name(), action(), target(), List.of(Check.fail("resource", res == null ? "not chosen" : res,
                    why)), List.of(), "", a, null, new Plan.Question("resource", "Which DRBD resource of " + a + "/" + b
                    + " do you recover?", all, "--resource NAME"));
        }
        ClusterSnapshot snap = readings.read();
        DrbdPairDiagnosis d = DrbdPairs.diagnose(snap, a, b, all, res);
        if (d.a().reach() == DrbdSide.Reach.UNKNOWN || d.b().reach() == DrbdSide.Reach.UNKNOWN) {
            // hadeck cannot read one side: the survivor's own links (VRRP as well as DRBD) say whether it is
            // gone. Read only then: on a loaded host four logins a reading made the plan's re-read time out.
            snap = withPairLayer.read();
            d = DrbdPairs.diagnose(snap, a, b, all, res);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass("scenario", d.scenario().title(), d.reason()));
        if (!d.evidence().isEmpty()) {
            checks.add(Check.pass("evidence", String.join("; ", d.evidence()), "what the diagnosis rests on"));
        }
        return new DrbdRecoveryPlanner(this, d, res, checks, snap).plan();
    }

    @Override
    public String stateNow() {
        try {
            if (chosenResource() == null) {
                return "no resource chosen";
            }
            DrbdPairDiagnosis d = diagnose();
            return d.scenario().title() + ": " + d.both();
        } catch (RuntimeException e) {
            return "the pair could not be read: " + e.getMessage();
        }
    }
}
