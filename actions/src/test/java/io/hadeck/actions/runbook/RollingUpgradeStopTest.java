package io.hadeck.actions.runbook;

import io.hadeck.actions.Operator;
import io.hadeck.actions.TestClusters;
import io.hadeck.actions.audit.AuditLog;
import io.hadeck.actions.chef.ChefBackendManager;
import io.hadeck.actions.patroni.PatroniContext;
import io.hadeck.actions.patroni.RollingUpgradeRunbook;
import io.hadeck.actions.remote.LocalShell;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Observation;
import io.hadeck.probe.chef.ChefBackendStatusMapping;
import io.hadeck.testkit.Clusters;
import io.hadeck.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling upgrade when a follower does not come back restarted: the run stops at that step, runs
 * nothing after it, and the account says where, that cluster failover is off, and what each node runs.
 * chef-backend-ctl is the stand-in {@code true}: the calls succeed and only the readings decide.
 */
class RollingUpgradeStopTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-12T03:00:00Z"));
    final AtomicInteger reads = new AtomicInteger();

    /** node-1 leads; leaderl reports failover on for the plan and its re-read, off once step 1 ran; nobody restarts. */
    ClusterSnapshot read() {
        ClusterSnapshot s = Clusters.healthyPrimaryTwoStandbys();
        boolean on = reads.incrementAndGet() <= 2;
        String json = "{\"failover_enabled\": " + on + ", \"nodes\": [{\"name\": \"node-1\", \"role\": \"leader\", \"failover\": \"on\"},"
                + " {\"name\": \"node-2\", \"role\": \"follower\", \"failover\": \"on\"},"
                + " {\"name\": \"node-3\", \"role\": \"follower\", \"failover\": \"on\"}]}";
        var nodes = s.nodes().stream().map(n -> n.postgres() == null ? n : n.withChef(Observation.ok(new ChefNodeChecks(
                List.of(new ChefNodeChecks.Service("postgresql", true, 6640, "3d 2h", null)), null, 0.0, 0.1, null, List.of(),
                "2.3.16", null), clock.instant(), Duration.ofMillis(5)))).toList();
        return new ClusterSnapshot(s.seq(), clock.instant(), s.cluster(), nodes, s.etcd(), s.es(),
                Observation.ok(ChefBackendStatusMapping.state(json), clock.instant(), Duration.ofMillis(5)), List.of());
    }

    @Test
    void aFollowerThatDoesNotRestartStopsTheRunWithFailoverOffAndSaysSo() {
        var manager = new ChefBackendManager(TestClusters.lab(), new LocalShell(), List.of("true"));
        var rb = new RollingUpgradeRunbook(new PatroniContext(TestClusters.lab(), manager, this::read, Duration.ofSeconds(30)),
                clock);
        var audit = new AuditLog(dir.resolve("audit.jsonl"), new Operator("alice", "ops-1", 42), clock);
        var runner = new RunbookRunner(audit, new RunbookRunnerTest.TestLock(), clock, d -> clock.advance(d));

        RunReport r = runner.run(rb, RunbookRunnerTest.YES, Confirmer.NOBODY, RunListener.NONE);

        assertThat(r.outcome()).isEqualTo(RunReport.Outcome.FAILED);
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.steps()).extracting(StepResult::ok).containsExactly(true, false);
        assertThat(r.summary()).startsWith("stopped at step 2 of 8 (upgrade follower node-2 (seed 004 Step 2)): not verified"
                        + " within 30 s: node-2's postgresql has run for 3d 2h, since before the upgrade began")
                .contains("Steps after it were not run. Cluster now: node-1 is primary on timeline 3; node-2, node-3"
                        + " stream from it; leader key: node-1; cluster failover is off; installed versions: node-1 2.3.16,"
                        + " node-2 2.3.16, node-3 2.3.16");
    }
}
