package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.Call;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.HaMember;

import java.util.List;
import java.util.Optional;

/**
 * restart NODE / reload NODE through the node's Patroni, what patronictl restart / reload do. A
 * restart applies a pending restart (settings that need one) and is verified when Patroni reports
 * the node running with nothing pending and its PostgreSQL answers in the role it had; a restart of
 * the primary interrupts writes for its duration (no failover), which the plan says. A reload is
 * verified when Patroni reports the node running.
 */
public final class RestartRunbook extends NodeRunbook {
    public enum Kind { RESTART, RELOAD }

    private final Kind kind;

    public RestartRunbook(PatroniContext ctx, Kind kind, String node) {
        super(ctx, node);
        this.kind = kind;
    }

    @Override
    public String action() {
        return kind == Kind.RESTART ? "restart" : "reload";
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        Optional<HaMember> m = f.ha().flatMap(ha -> ha.member(node));
        Check member = f.ha().isEmpty() ? Check.fail("Patroni on " + node, "unknown", PatroniChecks.haUnknown(f,
                "whether Patroni runs on " + node))
                : m.map(x -> Check.pass("Patroni on " + node, x.state() + (x.pendingRestart() ? ", pending restart" : ""),
                        kind == Kind.RELOAD ? "Patroni reads its configuration again"
                                : x.pendingRestart() ? "the restart applies the settings that wait for one"
                                : "nothing waits for a restart: it only interrupts " + node))
                .orElseGet(() -> Check.fail("Patroni on " + node, "not a member", "Patroni does not run on " + node
                        + ": start it there (its service), then plan again"));
        boolean primary = f.isPrimary(node);
        Check role = Check.pass("role", primary ? "primary" : f.pg(node).isPresent() ? "standby" : "unreachable",
                kind == Kind.RESTART && primary ? "writes stop while " + node + " restarts (a few seconds; no failover)"
                        : kind == Kind.RESTART ? node + " stops replaying while it restarts; the primary is not touched"
                        : "a reload interrupts nothing");
        Call call = kind == Kind.RESTART ? ctx.manager().restart(node) : ctx.manager().reload(node);
        String end = kind == Kind.RESTART ? node + " is running again as " + (primary ? "primary" : "a standby")
                + " with no restart pending" : node + "'s Patroni has read its configuration";
        Step step = new Step(action() + " " + node, call, end, () -> verify(primary), ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, List.of(member, role), List.of(step), end, node, null);
    }

    private Verdict verify(boolean wasPrimary) {
        PgFacts f = ctx.read();
        Optional<HaMember> m = f.ha().flatMap(ha -> ha.member(node));
        if (m.isEmpty()) {
            return Verdict.notYet("Patroni does not list " + node + (f.ha().isEmpty() ? " (" + f.haError() + ")" : ""));
        }
        String state = node + " is " + m.get().state() + (m.get().pendingRestart() ? " with a restart pending" : "");
        boolean running = m.get().isRunning();
        if (kind == Kind.RELOAD) {
            return running ? Verdict.ok(state) : Verdict.notYet(state);
        }
        boolean sameRole = f.pg(node).map(p -> p.isPrimary() == wasPrimary).orElse(false);
        return running && sameRole && !m.get().pendingRestart()
                ? Verdict.ok(state + " as " + (wasPrimary ? "primary" : "a standby") + "; " + f.primarySentence())
                : Verdict.notYet(state + (sameRole ? "" : "; its PostgreSQL does not answer as "
                + (wasPrimary ? "the primary" : "a standby") + " yet"));
    }
}
