package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.Call;
import io.hadeck.actions.ha.ManagerWords;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Runbook;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.HaMember;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Seed 004's rolling upgrade of a Chef Backend cluster ("Chef Backend 1.x to 1.x Upgrade"), driven
 * step by step, each verified on fresh readings before the next:
 * <ol>
 * <li>block failover: {@code chef-backend-ctl set-cluster-failover off} (Step 1);
 * <li>upgrade each follower in turn: {@code chef-backend-ctl upgrade} on it (Step 2, "sequentially …
 * verify the successful rejoin after each upgrade"): verified when {@code chef-backend-ctl status} on the
 * node shows postgresql restarted since the step began and the node streams from the leader again;
 * <li>upgrade the leader (Step 3): failover on, a switchover to the first upgraded follower
 * ({@code chef-backend-ctl promote}), failover off, then {@code chef-backend-ctl upgrade} on the old
 * leader, now a follower. Seed 004 does the handover as {@code upgrade --failover} between failover on and
 * off; hadeck makes it a switchover of its own so the new leader is known and verified before the old one
 * restarts, and the old leader restarts with failover blocked like the others;
 * <li>re-enable failover (Step 4), verified with the cluster stable (Step 5): one leader, every other node
 * streaming from it, and each node's version read back from its version manifest.
 * </ol>
 * A failed step stops the run there; failover stays as that step left it, and the account says so.
 */
public final class RollingUpgradeRunbook implements Runbook {
    private final PatroniContext ctx;
    private final Clock clock;

    public RollingUpgradeRunbook(PatroniContext ctx, Clock clock) {
        this.ctx = ctx;
        this.clock = clock;
    }

    @Override
    public String action() {
        return "rolling-upgrade";
    }

    @Override
    public String target() {
        return ctx.cluster().name();
    }

    @Override
    public Plan plan() {
        PgFacts f = ctx.read();
        PatroniChecks c = new PatroniChecks(f, ctx.manager(), ctx.thresholds());
        List<Check> checks = new ArrayList<>();
        boolean chef = f.words() == ManagerWords.CHEF_BACKEND;
        checks.add(chef ? Check.pass("HA manager", ctx.manager().name(), "chef-backend-ctl upgrade restarts each node's"
                + " services on the package installed there (seed 004, Chef Backend 1.x to 1.x)")
                : Check.fail("HA manager", ctx.manager().name(), "the rolling upgrade drives chef-backend-ctl upgrade"
                + " (seed 004); cluster " + target() + " is managed by " + ctx.manager().name()
                + ": restart its nodes one by one with hadeck restart NODE"));
        checks.add(c.singlePrimary(null));
        String leader = f.primaries().size() == 1 ? f.primaries().get(0) : null;
        List<String> followers = leader == null ? List.of() : pgNodes().stream().filter(n -> !n.equals(leader)).toList();
        for (String n : followers) {
            checks.add(c.streamsFromPrimary(n, leader));
        }
        String candidate = followers.stream().filter(n -> f.ha().flatMap(ha -> ha.member(n))
                .map(HaMember::failoverAllowed).orElse(false)).findFirst().orElse(followers.isEmpty() ? null : followers.get(0));
        if (candidate != null) {
            checks.add(c.nodeFailoverAllowed(candidate));
        } else if (leader != null) {
            checks.add(Check.fail("followers", "none", leader + " has no follower to hand the leadership to"));
        }
        if (chef) {
            pgNodes().forEach(n -> checks.add(statusReadable(f, n)));
            checks.add(Check.pass("installed versions", versions(f), "each node's version manifest ("
                    + ctx.cluster().chefBackend().manifest() + "), read back after its upgrade"));
        }
        checks.add(c.etcdQuorum());
        checks.add(c.clusterFailoverEnabled());
        String end = "every node restarted on the installed package, one leader, every other node streaming from it,"
                + " cluster failover on";
        if (!chef || leader == null || candidate == null) {
            return new Plan(target(), action(), target(), checks, List.of(), end, target(), null); // refused above
        }
        List<Step> steps = new ArrayList<>();
        steps.add(failover(false, "block failover (seed 004 Step 1)"));
        for (String n : followers) {
            steps.add(upgrade(n, leader, "upgrade follower " + n + " (seed 004 Step 2)"));
        }
        steps.add(failover(true, "unblock failover for the leader's handover (seed 004 Step 3)"));
        steps.add(new Step("switchover " + leader + " → " + candidate + " (" + candidate + " is upgraded)",
                ctx.manager().switchover(leader, candidate), candidate + " is primary; " + leader + " streams from it; "
                + "the leader key names " + candidate, () -> ctx.primaryWithFollower(candidate, leader), ctx.deadline()));
        steps.add(failover(false, "block failover again (seed 004 Step 3)"));
        steps.add(upgrade(leader, candidate, "upgrade the old leader " + leader + ", now a follower (seed 004 Step 3)"));
        steps.add(new Step("re-enable failover and check the cluster is stable (seed 004 Steps 4, 5)",
                ctx.manager().setClusterFailover(true), end, this::stable, ctx.deadline()));
        int last = steps.size();
        checks.add(Check.pass("if a step fails", "the run stops there", "no later step runs and cluster failover stays"
                + " as the failed step left it: off from step 1 until step " + (followers.size() + 2) + " and from step "
                + (last - 1) + " until step " + last + "; the account names the step and the cluster's state; once every"
                + " node streams again, hadeck set-cluster-failover on (chef-backend-ctl set-cluster-failover on)"));
        return new Plan(target(), action(), target(), checks, steps, end, target(), null);
    }

    @Override
    public String stateNow() {
        try {
            PgFacts f = ctx.read();
            String failover = f.ha().map(ha -> ha.failover().unreported() != null ? "unknown (" + ha.failover().unreported() + ")"
                    : ClusterFailoverRunbook.word(ha.failover().enabled())).orElse("unknown");
            return f.primarySentence() + "; " + PatroniContext.leaderSentence(f) + "; cluster failover is " + failover
                    + "; installed versions: " + versions(f);
        } catch (RuntimeException e) {
            return "the cluster could not be read: " + e.getMessage();
        }
    }

    private List<String> pgNodes() {
        return ctx.cluster().nodes().stream().filter(n -> n.postgres() != null).map(NodeConfig::name).toList();
    }

    private Step failover(boolean on, String title) {
        ClusterFailoverRunbook rb = new ClusterFailoverRunbook(ctx, on);
        return new Step(title, ctx.manager().setClusterFailover(on), rb.endState(on, ""), rb::verify, ctx.deadline());
    }

    /** chef-backend-ctl upgrade on {@code node}; verified when it restarted since the call and streams from {@code leader}. */
    private Step upgrade(String node, String leader, String title) {
        Call call = ctx.manager().upgrade(node);
        AtomicReference<Instant> began = new AtomicReference<>();
        Call timed = new Call(call.description(), () -> {
            began.set(clock.instant());
            return call.run();
        });
        return new Step(title, timed, node + "'s services restarted (chef-backend-ctl status) and it streams from "
                + leader + " again", () -> upgraded(node, leader, began.get()), ctx.deadline());
    }

    private Verdict upgraded(String node, String leader, Instant began) {
        PgFacts f = ctx.read();
        Optional<ChefNodeChecks> k = f.chef(node);
        if (k.isEmpty()) {
            return Verdict.notYet("chef-backend-ctl status on " + node + " could not be read (" + f.chefError(node) + ")");
        }
        Optional<ChefNodeChecks.Service> pg = k.get().service("postgresql");
        if (pg.isEmpty() || !pg.get().running()) {
            return Verdict.notYet("chef-backend-ctl status on " + node + " shows postgresql " + (pg.isEmpty() ? "missing"
                    : "not running"));
        }
        Optional<Long> up = pg.get().secondsInState();
        if (up.isEmpty()) {
            return Verdict.cannotVerify("chef-backend-ctl status on " + node + " gives postgresql's time in state as '"
                    + pg.get().timeInState() + "': hadeck cannot tell whether it restarted");
        }
        long since = began == null ? 0 : Duration.between(began, f.takenAt()).toSeconds() + 1;
        if (up.get() > since) {
            return Verdict.notYet(node + "'s postgresql has run for " + pg.get().timeInState() + ", since before the"
                    + " upgrade began " + since + " s ago: not restarted yet");
        }
        Verdict v = PatroniContext.primaryWithFollower(f, leader, node);
        if (!v.ok()) {
            return Verdict.notYet(v.sentence());
        }
        return Verdict.ok(node + " restarted (postgresql up " + pg.get().timeInState() + ") and runs chef-backend "
                + Optional.ofNullable(k.get().version()).orElse("(version unknown: " + k.get().versionError() + ")")
                + "; " + v.sentence());
    }

    /** Failover on again, one leader, every other node streaming from it, one version everywhere. */
    private Verdict stable() {
        Verdict on = new ClusterFailoverRunbook(ctx, true).verify();
        if (!on.ok()) {
            return on;
        }
        PgFacts f = ctx.read();
        List<String> p = f.primaries();
        if (p.size() != 1) {
            return Verdict.notYet(f.primarySentence());
        }
        List<String> lagging = pgNodes().stream().filter(n -> !n.equals(p.get(0)))
                .filter(n -> f.streamsFrom(n).filter(p.get(0)::equals).isEmpty()).toList();
        String sentence = on.sentence() + "; " + f.primarySentence() + "; installed versions: " + versions(f);
        if (!lagging.isEmpty()) {
            return Verdict.notYet(sentence + " (" + String.join(", ", lagging) + " not streaming yet)");
        }
        long distinct = pgNodes().stream().map(n -> f.chef(n).map(ChefNodeChecks::version).orElse("?")).distinct().count();
        return distinct == 1 ? Verdict.ok(sentence) : Verdict.notYet(sentence + " (not one version on every node)");
    }

    private Check statusReadable(PgFacts f, String node) {
        return f.chef(node).map(k -> Check.pass("chef-backend-ctl status on " + node, k.service("postgresql")
                        .map(s -> "postgresql " + (s.running() ? "running" : "not running")).orElse("no postgresql row"),
                "how hadeck sees " + node + "'s services restart"))
                .orElseGet(() -> Check.fail("chef-backend-ctl status on " + node, "unreadable", "chef-backend-ctl status on "
                        + node + " could not be read (" + f.chefError(node) + "): hadeck could not verify that its services"
                        + " restart; make it answer over ssh, then plan again"));
    }

    /** "node-1 2.3.16, node-2 2.3.17, node-3 ?". */
    private String versions(PgFacts f) {
        return pgNodes().stream().map(n -> n + " " + f.chef(n).map(ChefNodeChecks::version).filter(v -> v != null)
                .orElse("?")).collect(Collectors.joining(", "));
    }
}
