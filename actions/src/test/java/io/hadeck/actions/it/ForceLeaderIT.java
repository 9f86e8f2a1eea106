package io.hadeck.actions.it;

import io.hadeck.actions.Operator;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.ha.PatroniManager;
import io.hadeck.actions.lock.EtcdActionLock;
import io.hadeck.actions.patroni.ForceLeaderRunbook;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.remote.SshShell;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.runbook.FrontEnd;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.RunListener;
import io.hadeck.actions.runbook.RunOptions;
import io.hadeck.actions.runbook.RunReport;
import io.hadeck.actions.runbook.RunbookRunner;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static io.hadeck.actions.it.LabReadings.await;
import static io.hadeck.actions.it.LabReadings.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * force-leader on the real lab with the candidate behind another standby: one standby's WAL replay
 * is paused while pgbench writes on the primary. The plan names the better candidate and the bytes;
 * a run confirmed by name but without the data-loss acceptance does nothing. Also: right after the
 * leader crashes, its leader key still names it and it cannot be read: that is "unknown", refused.
 * The lab is put back (replay resumed, Patroni resumed, the crashed node started) whatever happens.
 */
class ForceLeaderIT {
    static final ClusterConfig CFG = LabReadings.CFG;
    @TempDir
    Path dir;

    static long replayed(ClusterSnapshot s, String node) {
        return s.node(node).map(NodeView::postgres).flatMap(o -> o.get()).map(PgInstance::replayedLsn)
                .map(l -> l.value()).orElse(-1L);
    }

    static String reasons(Plan p) {
        return String.join(" | ", p.failedChecks().stream().map(Check::reason).toList());
    }

    @Test
    void aCandidateBehindAnotherStandbyIsNamedAndNothingIsDoneWithoutTheDataLossAcceptance() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(90));
        ClusterSnapshot start = await(Duration.ofSeconds(30),
                s -> s.leaderKeyHolder().isPresent() && s.standbys().size() == 2);
        String leader = start.leaderKeyHolder().orElseThrow(() -> new AssertionError("no leader key: " + start.ha()));
        List<String> standbys = start.standbys().stream().map(NodeView::name).sorted().toList();
        String behind = standbys.get(0);
        String ahead = standbys.get(1);
        PatroniManager patroni = new PatroniManager(CFG, new SshShell(CFG.ssh()));
        PatroniContext ctx = new PatroniContext(CFG, patroni, LabReadings::read, Duration.ofSeconds(60));
        AuditLog audit = new AuditLog(dir.resolve("audit.jsonl"), Operator.current(), Clock.systemUTC());
        boolean crashed = false;
        try {
            Lab.run("fault", "replay-pause", behind);
            Lab.run("load", "3");
            ClusterSnapshot moved = await(Duration.ofSeconds(20),
                    s -> replayed(s, ahead) > replayed(s, behind) + (1 << 20));
            assertThat(replayed(moved, ahead) - replayed(moved, behind)).as("WAL %s replayed beyond %s", ahead, behind)
                    .isGreaterThan(1 << 20);

            // a healthy leader: refused (use promote), and the plan still names the better candidate
            Plan withLeader = LabReadings.planUntilRead(new ForceLeaderRunbook(ctx, behind));
            assertThat(reasons(withLeader)).contains(leader + " is a healthy leader: use promote " + behind);
            assertThat(withLeader.dataLoss()).startsWith(ahead + " is ").contains(" ahead of " + behind + " (")
                    .contains("force-leader " + ahead + " loses nothing of that; " + behind + " would lose it");

            // no automatic failover, then the leader crashes: its key still names it for up to the ttl
            patroni.setClusterFailover(false).run();
            await(Duration.ofSeconds(15), s -> s.ha().get().map(h -> !h.failover().enabled()).orElse(false));
            crashed = true;
            Lab.run("fault", "node-crash", leader);
            Plan unknown = LabReadings.planUntilRead(new ForceLeaderRunbook(ctx, behind));
            assertThat(reasons(unknown)).startsWith("the leader " + leader + " cannot be read from here (PostgreSQL: ")
                    .endsWith("hadeck cannot tell whether it still accepts writes; if you know it is down or fenced,"
                            + " say so with --peer-fenced " + leader);

            // once the key has expired nobody leads; force-leader the lagging standby
            ClusterSnapshot free = await(Duration.ofSeconds(45), s -> s.ha().isOk() && s.leaderKeyHolder().isEmpty());
            assertThat(free.leaderKeyHolder()).as("leader key after the ttl").isEmpty();
            try (EtcdActionLock lock = new EtcdActionLock(CFG, Operator.current(), Clock.systemUTC())) {
                RunbookRunner runner = new RunbookRunner(audit, lock, Clock.systemUTC());
                RunReport dry = LabReadings.runUntilRead(() -> runner.run(new ForceLeaderRunbook(ctx, behind),
                        new RunOptions(true, false, FrontEnd.ONE_SHOT, false, false), Confirmer.NOBODY, RunListener.NONE));
                assertThat(dry.outcome()).as(dry.summary() + " / " + reasons(dry.plan())).isEqualTo(RunReport.Outcome.DRY_RUN);
                assertThat(dry.plan().dataLoss()).startsWith(ahead + " is ").contains(" ahead of " + behind + " (");
                System.out.println("force-leader " + behind + " --dry-run: " + dry.plan().dataLoss());

                // --yes without --accept-data-loss in a batch: nothing is done
                RunReport run = LabReadings.runUntilRead(() -> runner.run(new ForceLeaderRunbook(ctx, behind),
                        new RunOptions(false, false, FrontEnd.BATCH, true, false), Confirmer.NOBODY, RunListener.NONE));
                assertThat(run.outcome()).as(run.summary()).isEqualTo(RunReport.Outcome.NOT_CONFIRMED);
                assertThat(run.steps()).isEmpty();
            }
            ClusterSnapshot after = await(Duration.ofSeconds(15), s -> s.ha().isOk() && s.standbys().size() == 2);
            assertThat(after.standbys()).extracting(NodeView::name).as(after.ha().toString()).contains(behind, ahead);
            assertThat(after.primaries()).as("no node was promoted").isEmpty();
            assertThat(after.leaderKeyHolder()).isEmpty();
        } finally {
            Lab.tryRun(Duration.ofSeconds(30), "fault", "replay-resume", behind);
            patroni.setClusterFailover(true).run();
            if (crashed) {
                Lab.run("fault", "node-start", leader);
            }
            Lab.awaitHealthy(Duration.ofSeconds(120));
        }
        ClusterSnapshot resumed = await(Duration.ofSeconds(30),
                s -> s.ha().get().map(h -> h.failover().enabled()).orElse(false));
        assertThat(resumed.ha().get().map(h -> h.failover().enabled())).as(resumed.ha().toString()).contains(true);
    }
}
