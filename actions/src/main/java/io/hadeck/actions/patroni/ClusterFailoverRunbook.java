package io.hadeck.actions.patroni;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.HaState;

import java.util.List;

/** set-cluster-failover on|off, verified by reading the manager's setting back. */
public final class ClusterFailoverRunbook implements Runbook {
    private final PatroniContext ctx;
    private final boolean enable;

    public ClusterFailoverRunbook(PatroniContext ctx, boolean enable) {
        this.ctx = ctx;
        this.enable = enable;
    }

    @Override
    public String action() {
        return "set-cluster-failover " + (enable ? "on" : "off");
    }

    @Override
    public String target() {
        return ctx.cluster().name();
    }

    @Override
    public Plan plan() {
        HaState ha = ctx.ha();
        PatroniChecks c = new PatroniChecks(new PgFacts(ctx.snapshot()), ha, ctx.manager(), ctx.thresholds());
        Check now = Check.pass("cluster failover now", ha.clusterFailoverEnabled() ? "on" : "off",
                ha.clusterFailoverEnabled() == enable ? "already " + word(enable) + "; setting it again changes nothing"
                        : "will be turned " + word(enable));
        String end = "cluster failover is " + word(enable) + (enable ? "" : " (Patroni paused: no automatic failover)");
        Step step = new Step("turn cluster failover " + word(enable), ctx.manager().setClusterFailover(enable), end,
                this::verify, ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), target(), List.of(now, c.etcdQuorum()), List.of(step), end,
                target(), null);
    }

    private Verdict verify() {
        boolean on = ctx.ha().clusterFailoverEnabled();
        String s = "cluster failover is " + word(on) + " on " + ctx.cluster().name()
                + (on ? "" : " (Patroni paused: no automatic failover)");
        return on == enable ? Verdict.ok(s) : Verdict.notYet(s);
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }

    static String word(boolean on) {
        return on ? "on" : "off";
    }
}
