package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.Call;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.HaState;
import io.hadeck.model.PgInstance;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * fence NODE: stop the postmaster of a PostgreSQL node that accepts writes but must not — the old
 * primary of a split-brain, or a primary whose Patroni died while it still holds the leader key.
 * The plan names the node the leader key names and the client sessions on each primary; the step
 * stops PostgreSQL (pg_ctl stop -m fast over ssh as postgres) and is verified when the node
 * accepts no connections (or, its Patroni having restarted it, answers only as a standby), with
 * where its WAL stopped. Refused on the one healthy primary: that is demote's job.
 */
public final class FenceRunbook extends NodeRunbook {
    /** What the stop answered: the stopped cluster's state and last checkpoint (where its WAL ends). */
    private final AtomicReference<String> stopped = new AtomicReference<>();

    public FenceRunbook(PatroniContext ctx, String node) {
        super(ctx, node);
    }

    @Override
    public String action() {
        return "fence";
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        List<Check> checks = List.of(target(f), leaderKey(f),
                Check.pass("client sessions", "on " + String.join(", ", f.primaries()), "client sessions per primary now: "
                        + f.clientSessions() + "; those on " + node + " end, its clients must reconnect to the leader"));
        Call stop = ctx.manager().stopPostgres(node);
        Call recorded = new Call(stop.description(), () -> {
            String answer = stop.run();
            stopped.set(answer);
            return answer;
        });
        String end = node + " accepts no connections and its WAL no longer moves";
        Step step = new Step("stop PostgreSQL on " + node, recorded, end, this::verify, ctx.deadline());
        return new Plan(ctx.cluster().name(), action(), node, checks, List.of(step), end, node, null);
    }

    private Check target(PgFacts f) {
        Optional<PgInstance> pg = f.pg(node);
        if (pg.isEmpty()) {
            return Check.fail("fence target", "unreachable", "PostgreSQL on " + node + " does not answer from here ("
                    + f.pgError(node) + "): it accepts no connections from hadeck already; if clients still reach it,"
                    + " stop it on its host");
        }
        if (!pg.get().isPrimary()) {
            return Check.fail("fence target", "standby", node + " is a standby: it accepts no writes; nothing to fence");
        }
        return Check.pass("fence target", "primary on timeline " + pg.get().timeline() + " at " + pg.get().currentLsn(),
                node + " accepts writes");
    }

    private Check leaderKey(PgFacts f) {
        String name = "leader key";
        if (f.ha().isEmpty()) {
            return Check.fail(name, "unknown", PatroniChecks.haUnknown(f, "which node Patroni keeps as leader"));
        }
        HaState ha = f.ha().get();
        String holder = ha.leader().holder();
        List<String> primaries = f.primaries();
        String current = "names " + (holder == null ? "nobody" : holder) + "; writable: " + String.join(", ", primaries);
        if (holder != null && !holder.equals(node) && primaries.contains(holder)) {
            return Check.pass(name, current, "the leader key names " + holder + ", which accepts writes: " + node
                    + " is the primary that must not");
        }
        if (node.equals(holder) && ha.leader().agentDown() != null) {
            String expires = ha.leader().ttlSeconds() == null ? "when its lease runs out"
                    : "in " + ha.leader().ttlSeconds() + " s";
            return Check.pass(name, current + "; " + node + "'s Patroni does not answer", node + "'s Patroni does not"
                    + " answer (" + ha.leader().agentDown() + "): its key expires " + expires + " and another node is promoted;"
                    + " fenced now, " + node + " stops accepting writes before that (clients get errors until then)");
        }
        if (node.equals(holder)) {
            return Check.fail(name, current, node + " holds the leader key and its Patroni answers: it is the cluster's"
                    + " leader; fencing it stops every write; to move the primary role: hadeck demote " + node);
        }
        return Check.fail(name, current, "no writable primary holds the leader key: hadeck cannot tell which primary"
                + " Patroni keeps; wait one ttl for Patroni to settle, then plan again");
    }

    private Verdict verify() {
        PgFacts f = ctx.read();
        String wal = stopped.get() == null || stopped.get().isBlank() ? "" : "; " + stopped.get();
        Optional<PgInstance> pg = f.pg(node);
        if (pg.isEmpty()) {
            return Verdict.ok(node + " accepts no connections (" + f.pgError(node) + ")" + wal);
        }
        if (!pg.get().isPrimary()) {
            return Verdict.ok(node + " answers only as a standby (its Patroni started it again)" + wal);
        }
        return Verdict.notYet(node + " still accepts writes at " + pg.get().currentLsn());
    }
}
