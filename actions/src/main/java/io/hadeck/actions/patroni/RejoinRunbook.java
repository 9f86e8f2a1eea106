package io.hadeck.actions.patroni;

import io.hadeck.model.HaRunState;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.HaMember;
import io.hadeck.model.PgInstance;

import java.util.List;
import java.util.Optional;

/**
 * rejoin NODE: make a diverged or fenced node a standby of the leader again through its Patroni
 * (POST /reinitialize: its data directory is wiped and cloned from the leader). Whatever the node
 * wrote that the leader does not have is lost: the plan says so and asks for the data-loss
 * acceptance, unless the node streams from the leader on its timeline (then it holds nothing of its
 * own). Verified when the node streams from the leader.
 */
public final class RejoinRunbook extends NodeRunbook {


    public RejoinRunbook(PatroniContext ctx, String node) {
        super(ctx, node);
    }

    @Override
    public String action() {
        return "rejoin";
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        PatroniChecks c = new PatroniChecks(f, ctx.manager(), ctx.thresholds());
        Check leader = leader(f);
        String primary = leader.pass() ? f.primaries().get(0) : "the leader";
        List<Check> checks = List.of(leader, member(f), c.etcdQuorum());
        String end = node + " streams from " + primary;
        Step step = new Step("reinitialize " + node + " from " + primary, ctx.manager().reinitialize(node), end,
                () -> verify(primary), ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, checks, List.of(step), end, node, loss(f, primary));
    }

    private Check leader(PgFacts f) {
        List<String> p = f.primaries();
        String holder = f.leaderKeyHolder().orElse(null);
        String current = "writable: " + (p.isEmpty() ? "none" : String.join(", ", p)) + "; leader key: "
                + (holder == null ? "nobody" : holder);
        if (p.contains(node)) {
            return Check.fail("leader", current, node + " accepts writes: fence it first (hadeck fence " + node + ")");
        }
        if (p.size() != 1) {
            return Check.fail("leader", current, p.isEmpty() ? "no primary to copy from: a leader must be elected first"
                    : "more than one writable primary: fence the one that must not (hadeck fence NODE) first");
        }
        if (!p.get(0).equals(holder)) {
            return Check.fail("leader", current, "the primary " + p.get(0) + " does not hold the leader key: wait for"
                    + " Patroni to settle, then plan again");
        }
        return Check.pass("leader", current, p.get(0) + " is the one primary and holds the leader key");
    }

    private Check member(PgFacts f) {
        if (f.ha().isEmpty()) {
            return Check.fail("Patroni on " + node, "unknown", PatroniChecks.haUnknown(f, "whether Patroni runs on "
                    + node + " to reinitialize it"));
        }
        Optional<HaMember> m = f.ha().get().member(node);
        if (m.isEmpty()) {
            return Check.fail("Patroni on " + node, "not a member", "Patroni does not run on " + node + " (it is not"
                    + " a member of the cluster): start it there (its service), then plan again; with use_pg_rewind"
                    + " it may rejoin " + node + " by itself");
        }
        HaRunState state = m.get().state();
        if (state.busy()) {
            return Check.fail("Patroni on " + node, state.word(), "Patroni on " + node + " is " + state + ": wait until it is"
                    + " done, then plan again");
        }
        return Check.pass("Patroni on " + node, state.word(), "Patroni on " + node + " can reinitialize it");
    }

    /** Null when the node streams from the primary on its timeline; else what it loses. */
    private String loss(PgFacts f, String primary) {
        Optional<PgInstance> pg = f.pg(node);
        int tl = f.pg(primary).map(PgInstance::timeline).orElse(0);
        if (pg.isPresent() && f.streamsFrom(node).filter(primary::equals).isPresent() && pg.get().timeline() == tl) {
            return null;
        }
        String what = pg.map(p -> node + " is a standby at " + p.currentLsn() + " on timeline " + p.timeline()
                        + (p.timelineSource().exact() ? "" : " or later") + " that does not stream from " + primary)
                .orElse("hadeck cannot read " + node + " (" + f.pgError(node) + "), so how much it holds of its own is"
                        + " unknown");
        return "Rejoin wipes " + node + "'s data directory and copies " + primary + "'s: whatever " + node
                + " wrote that " + primary + " (timeline " + tl + ") does not have is lost; " + what + ".";
    }

    private Verdict verify(String primary) {
        PgFacts f = ctx.read();
        String sentence = f.primarySentence();
        return f.streamsFrom(node).filter(primary::equals).isPresent() ? Verdict.ok(sentence)
                : Verdict.notYet(sentence + " (" + node + " does not stream from " + primary + " yet)");
    }
}
