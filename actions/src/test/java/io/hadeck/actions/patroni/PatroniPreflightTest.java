package io.hadeck.actions.patroni;

import io.hadeck.actions.TestClusters;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PatroniPreflightTest {

    static PatroniContext ctx(ClusterSnapshot s) {
        return new PatroniContext(TestClusters.lab(), new TestClusters.SnapshotHaManager(() -> s), () -> s,
                Duration.ofSeconds(30));
    }

    static Plan promote(ClusterSnapshot s, String node) {
        return new SwitchoverRunbook(ctx(s), SwitchoverRunbook.Kind.PROMOTE, node).plan();
    }

    static String reasons(Plan p) {
        return String.join(" | ", p.failedChecks().stream().map(Check::reason).toList());
    }

    @Test
    void aHealthyStandbyMayBePromoted() {
        Plan p = promote(Clusters.healthyPrimaryTwoStandbys(), "node-2");
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.steps()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("switchover node-1 → node-2");
            assertThat(s.call().description()).isEqualTo("switchover node-1 node-2");
        });
        assertThat(p.expectedEnd()).isEqualTo("node-2 is primary; node-1 streams from it; the leader key names node-2");
        assertThat(p.canLoseData()).isFalse();
    }

    @Test
    void aLaggingCandidateIsRefused() {
        Plan p = promote(Clusters.lagging("node-2", 64L << 20, 40), "node-2");
        assertThat(reasons(p)).isEqualTo("node-2 lags 64 MiB behind (limit 16 MiB, thresholds.lagWarn)");
    }

    @Test
    void aCandidateThatDoesNotStreamIsRefused() {
        Plan p = promote(Clusters.healthy().notStreaming("node-3").build(), "node-3");
        assertThat(reasons(p)).contains("node-3 does not stream from the primary node-1");
    }

    @Test
    void noEtcdQuorumIsRefused() {
        Plan p = promote(Clusters.etcdNoQuorum(), "node-2");
        assertThat(reasons(p)).isEqualTo("etcd has no quorum (1/3 members healthy): Patroni cannot move its leader key;"
                + " bring etcd members back first");
    }

    @Test
    void disabledClusterFailoverIsRefusedWithHowToEnableIt() {
        Plan p = promote(Clusters.healthy().paused().build(), "node-2");
        assertThat(reasons(p)).isEqualTo("cluster failover is disabled (Patroni is paused): hadeck set-cluster-failover on");
    }

    @Test
    void aNofailoverCandidateIsRefusedWithAClearReason() {
        Plan p = promote(Clusters.healthy().noFailover("node-2").build(), "node-2");
        assertThat(reasons(p)).isEqualTo("node-2 is excluded from failover (nofailover tag): hadeck set-node-failover node-2 on");
    }

    @Test
    void promotingThePrimaryIsRefused() {
        assertThat(reasons(promote(Clusters.healthyPrimaryTwoStandbys(), "node-1"))).contains("node-1 is already the primary");
    }

    @Test
    void demotePicksTheStandbyWithTheLeastLag() {
        ClusterSnapshot s = Clusters.healthy().lag("node-2", 9000, 1).lag("node-3", 100, 0.1).build();
        Plan p = new SwitchoverRunbook(ctx(s), SwitchoverRunbook.Kind.DEMOTE, "node-1").plan();
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.steps().get(0).call().description()).isEqualTo("switchover node-1 node-3");
    }

    @Test
    void forceLeaderIsRefusedWhileAHealthyLeaderExists() {
        Plan p = new ForceLeaderRunbook(ctx(Clusters.healthyPrimaryTwoStandbys()), "node-2").plan();
        assertThat(reasons(p)).isEqualTo("node-1 is a healthy leader: use promote node-2 (a switchover loses nothing)"
                + " instead of force-leader");
    }

    @Test
    void forceLeaderWithoutLeaderShowsPositionsAndAsksForDataLoss() {
        ClusterSnapshot s = Clusters.healthy().paused().leaderKey(null)
                .failed("node-1", "postgres", "connection refused (127.0.0.2:5432)")
                .notStreaming("node-2").notStreaming("node-3").lag("node-3", 0, 0).build();
        Plan p = new ForceLeaderRunbook(ctx(s), "node-2").plan();
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.preflight().get(0).reason()).contains("cluster failover is off (Patroni paused)");
        assertThat(p.preflight()).anySatisfy(c -> assertThat(c.current()).contains("node-2 ").contains("(candidate)")
                .contains("node-1 unreachable"));
        assertThat(p.canLoseData()).isTrue();
        assertThat(p.dataLoss()).startsWith("Replication is asynchronous");
    }

    @Test
    void clusterFailoverOffIsVerifiedByReadingItBack() {
        Plan p = new ClusterFailoverRunbook(ctx(Clusters.healthy().paused().build()), false).plan();
        assertThat(p.steps().get(0).verify().get().sentence()).isEqualTo(
                "cluster failover is off on lab (Patroni paused: no automatic failover)");
        assertThat(p.steps().get(0).verify().get().ok()).isTrue();
    }
}
