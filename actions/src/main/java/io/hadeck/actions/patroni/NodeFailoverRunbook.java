package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.ManagerWords;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.HaMember;

import java.util.List;
import java.util.Optional;

/** set-node-failover NODE on|off, verified by reading the member's tag back from the manager. */
public final class NodeFailoverRunbook implements Runbook {
    private final PatroniContext ctx;
    private final String node;
    private final boolean allow;

    public NodeFailoverRunbook(PatroniContext ctx, String node, boolean allow) {
        this.ctx = ctx;
        this.node = node;
        this.allow = allow;
    }

    @Override
    public String action() {
        return "set-node-failover " + ClusterFailoverRunbook.word(allow);
    }

    @Override
    public String target() {
        return node;
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        Optional<HaMember> m = f.ha().flatMap(ha -> ha.member(node));
        Check member = f.ha().isEmpty()
                ? Check.fail("node failover now", "unknown", PatroniChecks.haUnknown(f, "whether " + node
                + " is a member and whether it may become leader now"))
                : m.isPresent()
                ? m.get().failoverUnreported() != null
                ? Check.pass("node failover now", "unknown", m.get().failoverUnreported()
                + ": the change will be made but cannot be verified")
                : Check.pass("node failover now", m.get().failoverAllowed() ? "on" : "off ("
                + f.words().nodeFailover(false) + ")", m.get().failoverAllowed() == allow
                ? "already " + ClusterFailoverRunbook.word(allow) : "will be turned " + ClusterFailoverRunbook.word(allow))
                : Check.fail("node failover now", "not a member", node + " is not a member of the " + f.words().who()
                + " cluster: check the name, and that " + f.words().who() + " runs on " + node + " (hadeck status)");
        String end = sentence(allow, f.words());
        Step step = new Step("turn failover " + ClusterFailoverRunbook.word(allow) + " for " + node,
                ctx.manager().setNodeFailover(node, allow), end, this::verify, ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, List.of(member), List.of(step), end, node, null);
    }

    private Verdict verify() {
        PgFacts f = ctx.read();
        if (f.ha().isEmpty()) {
            return Verdict.notYet(f.words().who() + "'s state could not be read (" + f.haError() + ")");
        }
        Optional<HaMember> m = f.ha().get().member(node);
        if (m.isEmpty()) {
            return Verdict.notYet(node + " is not listed by " + f.words().who());
        }
        if (m.get().failoverUnreported() != null) {
            return Verdict.cannotVerify(m.get().failoverUnreported());
        }
        return m.get().failoverAllowed() == allow ? Verdict.ok(sentence(allow, f.words()))
                : Verdict.notYet(sentence(m.get().failoverAllowed(), f.words()));
    }

    private String sentence(boolean allowed, ManagerWords words) {
        return (allowed ? node + " may become leader (" : node + " is excluded from failover (")
                + words.nodeFailover(allowed) + ")";
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }
}
