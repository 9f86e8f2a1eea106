package io.hadeck.actions.patroni;

import io.hadeck.actions.TestClusters;
import io.hadeck.actions.chef.ChefBackendManager;
import io.hadeck.actions.remote.LocalShell;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Step;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Observation;
import io.hadeck.probe.chef.ChefBackendStatusMapping;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 004's rolling upgrade as hadeck plans it on a healthy Chef Backend cluster (node-1 leads, node-2 and
 * node-3 follow), and how it tells a node that restarted from one that did not. chef-backend-ctl is the
 * stand-in {@code true} here, so a step's call succeeds and only the readings decide.
 */
class RollingUpgradeRunbookTest {
    final AtomicReference<ClusterSnapshot> now = new AtomicReference<>();
    ClusterSnapshot healthy = Clusters.healthyPrimaryTwoStandbys();
    final Clock clock = Clock.fixed(healthy.takenAt().minusSeconds(10), ZoneOffset.UTC);

    /** The healthy picture with leaderl's state as cluster-status --json says and each node's status table. */
    void cluster(boolean failoverOn, Map<String, String> postgresUp, String version) {
        ClusterSnapshot s = healthy;
        var ha = ChefBackendStatusMapping.state(ChefBackendRunbooksTest.json(String.valueOf(failoverOn), "on"));
        List<io.hadeck.model.NodeView> nodes = s.nodes().stream().map(n -> !postgresUp.containsKey(n.name()) ? n
                : n.withChef(Observation.ok(new ChefNodeChecks(List.of(new ChefNodeChecks.Service("postgresql", true, 6640,
                postgresUp.get(n.name()), "leader: 1; offline: 0; syncing: 0; synced: 2")), null, 0.0, 0.1, null, List.of(),
                version, null), s.takenAt(), Duration.ofMillis(5)))).toList();
        now.set(new ClusterSnapshot(s.seq(), s.takenAt(), s.cluster(), nodes, s.etcd(), s.es(),
                Observation.ok(ha, s.takenAt(), Duration.ofMillis(5)), List.of()));
    }

    RollingUpgradeRunbook runbook() {
        var manager = new ChefBackendManager(TestClusters.lab(), new LocalShell(), List.of("true"));
        return new RollingUpgradeRunbook(new PatroniContext(TestClusters.lab(), manager, now::get, Duration.ofSeconds(30)),
                clock);
    }

    static final Map<String, String> UP_FOR_DAYS = Map.of("node-1", "3d 2h 5m 1s", "node-2", "3d 2h 5m 9s",
            "node-3", "3d 2h 6m 0s");

    @Test
    void thePlanIsSeed004StepByStepWithTheLeaderLast() {
        cluster(true, UP_FOR_DAYS, "2.3.16");
        Plan p = runbook().plan();
        assertThat(p.refused()).as(p.failedChecks().toString()).isFalse();
        assertThat(p.steps()).extracting(Step::title).containsExactly(
                "block failover (seed 004 Step 1)",
                "upgrade follower node-2 (seed 004 Step 2)",
                "upgrade follower node-3 (seed 004 Step 2)",
                "unblock failover for the leader's handover (seed 004 Step 3)",
                "switchover node-1 → node-2 (node-2 is upgraded)",
                "block failover again (seed 004 Step 3)",
                "upgrade the old leader node-1, now a follower (seed 004 Step 3)",
                "re-enable failover and check the cluster is stable (seed 004 Steps 4, 5)");
        assertThat(p.steps()).extracting(s -> s.call().description()).containsExactly(
                "true set-cluster-failover off (local) (the next node if that one does not answer ssh)",
                "true upgrade (local)", "true upgrade (local)",
                "true set-cluster-failover on (local) (the next node if that one does not answer ssh)",
                "true promote node-2 (local)",
                "true set-cluster-failover off (local) (the next node if that one does not answer ssh)",
                "true upgrade (local)",
                "true set-cluster-failover on (local) (the next node if that one does not answer ssh)");
        assertThat(p.preflight()).filteredOn(c -> c.name().equals("if a step fails")).singleElement()
                .extracting(Check::reason).isEqualTo("no later step runs and cluster failover stays as the failed step"
                        + " left it: off from step 1 until step 4 and from step 7 until step 8; the account names the step"
                        + " and the cluster's state; once every node streams again, hadeck set-cluster-failover on"
                        + " (chef-backend-ctl set-cluster-failover on)");
        assertThat(p.preflight()).filteredOn(c -> c.name().equals("installed versions")).singleElement()
                .extracting(Check::current).isEqualTo("node-1 2.3.16, node-2 2.3.16, node-3 2.3.16");
    }

    @Test
    void refusedWhenFailoverIsAlreadyOffOrAStatusTableCannotBeRead() {
        cluster(false, Map.of("node-1", "3d", "node-2", "3d"), "2.3.16");
        Plan p = runbook().plan();
        assertThat(p.failedChecks()).extracting(Check::name).containsExactly("chef-backend-ctl status on node-3",
                "cluster failover");
    }

    @Test
    void aFollowerIsUpgradedOnlyOnceItsPostgresqlRestartedSinceTheStepBegan() {
        cluster(true, UP_FOR_DAYS, "2.3.16");
        Step upgrade = runbook().plan().steps().get(1);
        upgrade.call().run();
        Verdict before = upgrade.verify().get();
        assertThat(before.ok()).isFalse();
        assertThat(before.sentence()).isEqualTo("node-2's postgresql has run for 3d 2h 5m 9s, since before the upgrade"
                + " began 11 s ago: not restarted yet");

        cluster(true, Map.of("node-1", "3d 2h 5m 1s", "node-2", "4s", "node-3", "3d 2h 6m 0s"), "2.3.17");
        assertThat(upgrade.verify().get()).isEqualTo(Verdict.ok("node-2 restarted (postgresql up 4s) and runs chef-backend"
                + " 2.3.17; node-1 is primary on timeline 3; node-2, node-3 stream from it; leader key: node-1"));
    }

    @Test
    void theAccountOfAStopSaysWhetherFailoverIsOffAndWhatEachNodeRuns() {
        cluster(false, UP_FOR_DAYS, "2.3.16");
        assertThat(runbook().stateNow()).endsWith("; cluster failover is off; installed versions: node-1 2.3.16,"
                + " node-2 2.3.16, node-3 2.3.16");
    }
}
