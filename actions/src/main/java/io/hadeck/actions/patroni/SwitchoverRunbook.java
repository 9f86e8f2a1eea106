package io.hadeck.actions.patroni;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.model.HaMember;
import io.hadeck.model.PgInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A planned switchover: {@code promote NODE} moves the primary role to NODE; {@code demote NODE}
 * moves it away from NODE (the primary) to the healthiest standby. Refused when the candidate does
 * not stream, lags beyond thresholds.lagWarn, etcd has no quorum, or cluster failover is off.
 */
public final class SwitchoverRunbook implements Runbook {
    public enum Kind { PROMOTE, DEMOTE }

    private final PatroniContext ctx;
    private final Kind kind;
    private final String node;

    public SwitchoverRunbook(PatroniContext ctx, Kind kind, String node) {
        this.ctx = ctx;
        this.kind = kind;
        this.node = node;
    }

    @Override
    public String action() {
        return kind == Kind.PROMOTE ? "promote" : "demote";
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
        Optional<String> from;   // empty: no single primary to switch over from
        Optional<String> to;     // empty: no standby fit to take over
        if (kind == Kind.PROMOTE) {
            Check primary = c.singlePrimary(null);
            checks.add(primary);
            from = f.primaries().size() == 1 ? Optional.of(f.primaries().get(0)) : Optional.empty();
            to = Optional.of(node);
            if (from.filter(node::equals).isPresent()) {
                checks.add(Check.fail("candidate", "primary", node + " is already the primary"));
            }
        } else {
            checks.add(c.singlePrimary(node));
            from = Optional.of(node);
            to = bestStandby(f, node);
            checks.add(to.isPresent() ? Check.pass("candidate", to.get(), to.get() + " is the standby with the least lag")
                    : f.ha().isEmpty() ? Check.fail("candidate", "unknown", PatroniChecks.haUnknown(f,
                    "which standby of " + node + " may become leader"))
                    : Check.fail("candidate", "none", "no standby streams from " + node + " with failover allowed: bring"
                    + " a standby back to streaming, or allow failover on one (hadeck set-node-failover NODE on)"));
        }
        if (to.isPresent() && ctx.cluster().node(to.get()).isEmpty()) {
            checks.add(Check.fail("candidate", to.get(), "no node named " + to.get() + " in cluster " + ctx.cluster().name()));
        } else if (to.isPresent() && from.isPresent()) {
            checks.add(c.streamsFromPrimary(to.get(), from.get()));
            checks.add(c.lagWithinLimit(to.get()));
            checks.add(c.nodeFailoverAllowed(to.get()));
            checks.add(c.patroniVerdict(to.get()));
        }
        checks.add(c.etcdQuorum());
        checks.add(c.clusterFailoverEnabled());
        if (from.isEmpty() || to.isEmpty()) {   // refused above
            String end = to.orElse("a standby") + " is primary; " + from.orElse("the old primary") + " streams from it;"
                    + " the leader key names " + to.orElse("it");
            return new Plan(ctx.cluster().name(), action(), node, checks, List.of(), end, node, null);
        }
        return plan(checks, from.get(), to.get());
    }

    private Plan plan(List<Check> checks, String from, String to) {
        String end = to + " is primary; " + from + " streams from it; the leader key names " + to;
        Step step;
        if (kind == Kind.DEMOTE && ctx.manager().choosesDemoteTarget()) {
            end = "a standby of " + from + " (" + to + " is the likeliest) is primary; " + from + " streams from it; "
                    + "the leader key names it";
            step = new Step("demote " + from + " (" + ctx.manager().words().who() + " elects the new leader)",
                    ctx.manager().demote(from, to), end, () -> ctx.anotherPrimaryWithFollower(from), ctx.deadline());
        } else {
            step = new Step("switchover " + from + " → " + to, kind == Kind.DEMOTE ? ctx.manager().demote(from, to)
                    : ctx.manager().switchover(from, to), end, () -> ctx.primaryWithFollower(to, from), ctx.deadline());
        }
        return new Plan(ctx.cluster().name(), action(), node, checks, List.of(step), end, node, null);
    }

    @Override
    public String stateNow() {
        return ctx.stateNow();
    }

    /** The streaming standby with failover allowed and the least lag. */
    static Optional<String> bestStandby(PgFacts f, String primary) {
        return f.streamingFrom(primary).stream()
                .filter(n -> f.ha().flatMap(ha -> ha.member(n)).map(HaMember::failoverAllowed).orElse(false))
                .min(Comparator.comparing(n -> f.pg(n).map(PgInstance::lagBytes).orElse(Long.MAX_VALUE)));
    }
}
