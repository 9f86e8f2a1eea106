package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.ManagerWords;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;

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
        PgFacts f = ctx.read();
        PatroniChecks c = new PatroniChecks(f, ctx.manager(), ctx.thresholds());
        Check now = f.ha().map(ha -> ha.failover().unreported() != null
                        ? Check.pass("cluster failover now", "unknown", ha.failover().unreported()
                        + ": the change will be made but cannot be verified")
                        : Check.pass("cluster failover now", word(ha.failover().enabled()),
                        ha.failover().enabled() == enable ? "already " + word(enable) + "; setting it again changes nothing"
                                : "will be turned " + word(enable)))
                .orElseGet(() -> Check.fail("cluster failover now", "unknown",
                        PatroniChecks.haUnknown(f, "whether cluster failover is on now, nor verify the change")));
        String end = endState(enable, "");
        Step step = new Step("turn cluster failover " + word(enable), ctx.manager().setClusterFailover(enable), end,
                this::verify, ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), target(), List.of(now, c.etcdQuorum()), List.of(step), end,
                target(), null);
    }

    Verdict verify() {
        PgFacts f = ctx.read();
        if (f.ha().isEmpty()) {
            return Verdict.notYet(f.words().who() + "'s state could not be read (" + f.haError() + ")");
        }
        if (f.ha().get().failover().unreported() != null) {
            return Verdict.cannotVerify(f.ha().get().failover().unreported() + "; check with "
                    + (f.words() == ManagerWords.CHEF_BACKEND ? "chef-backend-ctl status on a backend node" : "patronictl list"));
        }
        boolean on = f.ha().get().failover().enabled();
        String s = endState(on, " on " + ctx.cluster().name());
        return on == enable ? Verdict.ok(s) : Verdict.notYet(s);
    }

    String endState(boolean on, String where) {
        return "cluster failover is " + word(on) + where + (on ? "" : " (" + ctx.manager().words().clusterFailoverOff()
                + ": no automatic failover)");
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }

    static String word(boolean on) {
        return on ? "on" : "off";
    }
}
