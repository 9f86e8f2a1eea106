package io.hadeck.actions.patroni;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.model.HaState;
import io.hadeck.model.Lsn;

import java.util.ArrayList;
import java.util.List;

/**
 * force-leader NODE: make NODE the leader when no healthy leader exists (chef-backend-ctl
 * force-leader; Patroni POST /failover). Decides on one fresh snapshot, the screen's picture:
 * <ul>
 *   <li>a leader that cannot be read from here is unknown, not down: refused unless the operator
 *       states it is down or fenced ({@code --peer-fenced NODE}), and then what it wrote may be lost;</li>
 *   <li>a candidate behind another standby hadeck can read loses that standby's extra WAL: the plan
 *       names the better candidate and the bytes as its data-loss warning, so the run needs the
 *       data-loss acceptance.</li>
 * </ul>
 */
public final class ForceLeaderRunbook implements Runbook {
    private final PatroniContext ctx;
    private final String node;
    private final String fencedNode;

    public ForceLeaderRunbook(PatroniContext ctx, String node) {
        this(ctx, node, null);
    }

    /** @param fencedNode the node the operator states is down or fenced (--peer-fenced), null when none is stated */
    public ForceLeaderRunbook(PatroniContext ctx, String node, String fencedNode) {
        this.ctx = ctx;
        this.node = node;
        this.fencedNode = fencedNode;
    }

    @Override
    public String action() {
        return "force-leader";
    }

    @Override
    public String target() {
        return node;
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        PatroniChecks c = new PatroniChecks(f, ctx.manager(), ctx.thresholds());
        List<Check> checks = new ArrayList<>();
        List<String> losses = new ArrayList<>();
        if (fencedNode != null) {
            checks.add(statement(f, losses));
        }
        checks.add(noHealthyLeader(f));
        checks.add(candidate(f));
        checks.add(c.nodeFailoverAllowed(node));
        checks.add(c.etcdQuorum());
        ReplayRanking ranking = ReplayRanking.of(f, node);
        checks.add(Check.pass("replay positions", ranking.positions(), ranking.checkReason()));
        if (ranking.candidateIsBehind()) {
            losses.add(0, ranking.lossSentence());
        }
        String end = node + " is primary and holds the leader key";
        Step step = new Step("force " + node + " to lead", ctx.manager().failover(node), end,
                () -> ctx.primaryWithFollower(node, null), ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, checks, List.of(step), end, node,
                losses.isEmpty() ? null : String.join(" ", losses), fencedQuestion(f));
    }

    /** The console's dialog asks what --peer-fenced says on the command line, when the leader cannot be read. */
    private Plan.Question fencedQuestion(PgFacts f) {
        String holder = f.ha().map(h -> h.leader().holder()).orElse(null);
        if (fencedNode != null || holder == null || holder.equals(node) || f.unreadable(holder) == null
                || f.primaries().contains(holder)) {
            return null;
        }
        return new Plan.Question("fenced", "The leader " + holder + " cannot be read from here (" + f.unreadable(holder)
                + ").\nIs it down or fenced (powered off, or cut off from its clients)? Type its name to state that it is",
                List.of(holder), "--peer-fenced " + holder);
    }

    @Override
    public Runbook answer(String questionId, String value) {
        return "fenced".equals(questionId) ? new ForceLeaderRunbook(ctx, node, value) : Runbook.super.answer(questionId, value);
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }

    /** The operator's statement that {@code fencedNode} is down or fenced, checked against what hadeck reads. */
    private Check statement(PgFacts f, List<String> losses) {
        String name = "operator's statement";
        String stated = "operator states " + fencedNode + " is down or fenced";
        if (ctx.cluster().node(fencedNode).isEmpty()) {
            return Check.fail(name, stated, "no node named " + fencedNode + " in cluster " + ctx.cluster().name()
                    + ": --peer-fenced names the old leader you know is down or fenced");
        }
        if (fencedNode.equals(node)) {
            return Check.fail(name, stated, node + " is the node to make leader: --peer-fenced names the old leader"
                    + " you know is down or fenced, not the candidate");
        }
        if (f.isPrimary(fencedNode)) {
            return Check.fail(name, stated + "; it answers as a writable primary", fencedNode + " answers as a writable"
                    + " primary right now: it is neither down nor fenced; stop or fence it, then plan again");
        }
        String why = f.unreadable(fencedNode);
        if (why == null) {
            return Check.pass(name, stated, "hadeck reads " + fencedNode + " as a standby: nothing of it is unknown");
        }
        losses.add(fencedNode + " cannot be read (" + why + ") and the operator states it is down or fenced: whatever "
                + fencedNode + " wrote that " + node + " never received is lost, and hadeck cannot measure how much.");
        return Check.pass(name, stated, "hadeck cannot read " + fencedNode + " (" + why + "): the operator's statement"
                + " stands in for what hadeck cannot see");
    }

    private Check noHealthyLeader(PgFacts f) {
        String name = "no healthy leader";
        if (f.ha().isEmpty()) {
            return Check.fail(name, "unknown", PatroniChecks.haUnknown(f,
                    "who holds the leader key, so whether a healthy leader exists"));
        }
        HaState ha = f.ha().get();
        String holder = ha.leader().holder();
        List<String> primaries = f.primaries();
        String current = "leader key: " + (holder == null ? "none" : holder) + "; writable primary: "
                + (primaries.isEmpty() ? "none" : String.join(", ", primaries));
        String why = holder == null || holder.equals(node) ? null : f.unreadable(holder);
        if (why != null && primaries.contains(holder)) {
            return Check.fail(name, current + "; " + holder + "'s " + f.words().who() + " cannot be read", holder + " still accepts writes"
                    + " (its PostgreSQL answers as a primary) though it cannot be fully read (" + why + "): force-leader "
                    + node + " would make a second primary; stop or fence " + holder + " first, then plan again");
        }
        if (why != null) {
            current += "; " + holder + " cannot be read";
            if (!holder.equals(fencedNode)) {
                return Check.fail(name, current, "the leader " + holder + " cannot be read from here (" + why + "):"
                        + " hadeck cannot tell whether it still accepts writes; if you know it is down or fenced,"
                        + " say so with --peer-fenced " + holder);
            }
            return Check.pass(name, current + "; operator states " + holder + " is down or fenced", "the leader "
                    + holder + " cannot be read from here (" + why + "); the operator states it is down or fenced");
        }
        if (holder != null && primaries.contains(holder)) {
            return Check.fail(name, current, holder + " is a healthy leader: use promote " + node
                    + " (a switchover loses nothing) instead of force-leader");
        }
        if (!primaries.isEmpty()) {
            return Check.fail(name, current, String.join(", ", primaries) + " answer" + (primaries.size() == 1 ? "s" : "")
                    + " as a writable primary without the leader key: force-leader " + node + " would make another"
                    + " primary; stop or fence " + String.join(", ", primaries) + " first, then plan again");
        }
        String reason = holder == null ? "the leader key is free" + (ha.failover().enabled() ? ""
                : " and cluster failover is off (" + f.words().clusterFailoverOff() + "), so " + f.words().who()
                + " will not elect a leader by itself")
                : "the leader key names " + holder + " but its PostgreSQL answers as a standby, not a writable primary";
        return Check.pass(name, current, reason);
    }

    private Check candidate(PgFacts f) {
        if (ctx.cluster().node(node).isEmpty()) {
            return Check.fail("candidate", "not configured", "no node named " + node + " in cluster " + ctx.cluster().name());
        }
        if (f.isPrimary(node)) {
            return Check.fail("candidate", "primary", node + " is already a primary");
        }
        return f.position(node).map(Lsn::toString)
                .map(p -> Check.pass("candidate", "standby at " + p, node + "'s PostgreSQL answers as a standby"))
                .orElseGet(() -> Check.fail("candidate", "unreachable", "PostgreSQL on " + node + " could not be read ("
                        + f.pgError(node) + "): hadeck cannot tell what " + node + " holds; make it answer, then plan again"));
    }
}
