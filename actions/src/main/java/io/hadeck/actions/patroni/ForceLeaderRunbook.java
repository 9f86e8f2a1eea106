package io.hadeck.actions.patroni;

import io.hadeck.units.Sizes;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaState;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * force-leader NODE: make NODE the leader when no healthy leader exists (chef-backend-ctl
 * force-leader; Patroni POST /failover). Shows NODE's replay position against every other node's
 * and what may be lost; always asks the second, data-loss confirmation.
 */
public final class ForceLeaderRunbook implements Runbook {
    private final PatroniContext ctx;
    private final String node;

    /** Interim until the Patroni safety change lands: the statement is carried, not yet used. */
    public ForceLeaderRunbook(PatroniContext ctx, String node, String fencedNode) {
        this(ctx, node);
    }

    public ForceLeaderRunbook(PatroniContext ctx, String node) {
        this.ctx = ctx;
        this.node = node;
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
        ClusterSnapshot s = ctx.snapshot();
        HaState ha = ctx.ha();
        PgFacts f = new PgFacts(s);
        PatroniChecks c = new PatroniChecks(f, ha, ctx.manager(), ctx.thresholds());
        List<Check> checks = new ArrayList<>();
        checks.add(noHealthyLeader(f, ha));
        Optional<Lsn> mine = f.position(node);
        checks.add(mine.isPresent() && !f.isPrimary(node)
                ? Check.pass("candidate", "standby at " + mine.get(), node + "'s PostgreSQL answers as a standby")
                : Check.fail("candidate", f.isPrimary(node) ? "primary" : "unreachable", f.isPrimary(node)
                ? node + " is already a primary" : "PostgreSQL on " + node + " could not be read (" + f.pgError(node) + ")"));
        checks.add(c.nodeFailoverAllowed(node));
        checks.add(c.etcdQuorum());
        String positions = positions(s, f);
        checks.add(Check.pass("replay positions", positions, "the candidate's last replayed WAL against the others"));
        String loss = dataLoss(s, f, mine.orElse(null));
        String end = node + " is primary and holds the leader key";
        Step step = new Step("force " + node + " to lead", ctx.manager().failover(node), end,
                () -> ctx.primaryWithFollower(node, null), ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, checks, List.of(step), end, node, loss);
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }

    private Check noHealthyLeader(PgFacts f, HaState ha) {
        String holder = ha.leaderKeyHolder();
        List<String> primaries = f.primaries();
        String current = "leader key: " + (holder == null ? "none" : holder) + "; writable primary: "
                + (primaries.isEmpty() ? "none" : String.join(", ", primaries));
        if (holder != null && primaries.contains(holder)) {
            return Check.fail("no healthy leader", current, holder + " is a healthy leader: use promote " + node
                    + " (a switchover loses nothing) instead of force-leader");
        }
        String why = holder == null ? "the leader key is free" + (ha.clusterFailoverEnabled() ? ""
                : " and cluster failover is off (Patroni paused), so Patroni will not elect a leader by itself")
                : "the leader key names " + holder + " but its PostgreSQL is not a writable primary";
        return Check.pass("no healthy leader", current, why);
    }

    /** "node-2 0/5000060 (candidate); node-3 0/5000000; node-1 unreachable". */
    private String positions(ClusterSnapshot s, PgFacts f) {
        return s.nodes().stream().filter(n -> n.postgres() != null).map(NodeView::name)
                .map(n -> n + " " + f.position(n).map(Lsn::toString).orElse("unreachable") + (n.equals(node) ? " (candidate)" : ""))
                .collect(Collectors.joining("; "));
    }

    private String dataLoss(ClusterSnapshot s, PgFacts f, Lsn mine) {
        StringBuilder b = new StringBuilder("Replication is asynchronous: whatever the old primary wrote that "
                + node + " never received is lost.");
        if (mine == null) {
            return b.toString();
        }
        for (NodeView n : s.nodes()) {
            if (n.name().equals(node)) {
                continue;
            }
            f.position(n.name()).filter(p -> p.compareTo(mine) > 0).ifPresent(p -> b.append(" ").append(n.name())
                    .append(" is ").append(Sizes.bytes(p.minus(mine))).append(" ahead of ").append(node)
                    .append(" (").append(p).append(" vs ").append(mine).append("): that much would be lost or rewound."));
        }
        return b.toString();
    }
}
