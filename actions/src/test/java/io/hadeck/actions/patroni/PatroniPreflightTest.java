package io.hadeck.actions.patroni;

import io.hadeck.actions.TestClusters;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaMember;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatroniPreflightTest {

    static PatroniContext ctx(ClusterSnapshot s) {
        return new PatroniContext(TestClusters.lab(), new TestClusters.RecordingHaManager(), () -> s,
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
        assertThat(reasons(p)).isEqualTo("cluster failover is disabled (Patroni paused): hadeck set-cluster-failover on");
    }

    @Test
    void aNofailoverCandidateIsRefusedWithAClearReason() {
        Plan p = promote(Clusters.healthy().noFailover("node-2").build(), "node-2");
        assertThat(reasons(p)).isEqualTo("node-2 is excluded from failover (the nofailover tag): hadeck set-node-failover node-2 on");
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
    void demoteWithoutAnEligibleStandbySaysWhatToDo() {
        ClusterSnapshot s = Clusters.healthy().noFailover("node-2").noFailover("node-3").build();
        Plan p = new SwitchoverRunbook(ctx(s), SwitchoverRunbook.Kind.DEMOTE, "node-1").plan();
        assertThat(reasons(p)).isEqualTo("no standby streams from node-1 with failover allowed: bring a standby back to"
                + " streaming, or allow failover on one (hadeck set-node-failover NODE on)");
    }

    @Test
    void demotingAStandbySaysWhoIsThePrimary() {
        Plan p = new SwitchoverRunbook(ctx(Clusters.healthyPrimaryTwoStandbys()), SwitchoverRunbook.Kind.DEMOTE, "node-2")
                .plan();
        assertThat(reasons(p)).startsWith("node-2 is not the primary (node-1 is): nothing to demote; to move the primary"
                + " role away from node-1: hadeck demote node-1");
    }

    @Test
    void clusterFailoverOffIsVerifiedByReadingItBack() {
        Plan p = new ClusterFailoverRunbook(ctx(Clusters.healthy().paused().build()), false).plan();
        assertThat(p.steps().get(0).verify().get().sentence()).isEqualTo(
                "cluster failover is off on lab (Patroni paused: no automatic failover)");
        assertThat(p.steps().get(0).verify().get().ok()).isTrue();
    }

    // ------------------------------------------------------------------ Patroni's state unreadable

    /** What ClusterWatcher publishes when neither Patroni's REST API nor etcd answered: the HA reading and every member failed. */
    static ClusterSnapshot haUnreadable(ClusterSnapshot s, String error) {
        List<NodeView> nodes = s.nodes().stream()
                .map(n -> n.ha() == null ? n : n.withHa(Observation.<HaMember>failed(error, s.takenAt(), Duration.ofSeconds(3))))
                .toList();
        return new ClusterSnapshot(s.seq(), s.takenAt(), s.cluster(), nodes, s.etcd(), s.es(),
                Observation.failed(error, s.takenAt(), Duration.ofSeconds(3)), s.findings());
    }

    static final String NO_PATRONI = "Patroni: no node answered /cluster within 3 s; etcd: context deadline exceeded";

    @Test
    void promoteIsRefusedWhenPatronisStateCannotBeRead() {
        Plan p = promote(haUnreadable(Clusters.healthyPrimaryTwoStandbys(), NO_PATRONI), "node-2");
        assertThat(p.failedChecks()).extracting(Check::name).containsExactly("node failover", "Patroni's verdict",
                "cluster failover");
        assertThat(p.failedChecks()).extracting(Check::current).containsOnly("unknown");
        assertThat(reasons(p)).isEqualTo("Patroni's state could not be read (" + NO_PATRONI + "): hadeck cannot tell"
                + " whether node-2 may become leader; make Patroni's REST API (GET /cluster) or etcd answer from here,"
                + " then plan again | Patroni's state could not be read (" + NO_PATRONI + "): hadeck cannot tell"
                + " what Patroni will say; make Patroni's REST API (GET /cluster) or etcd answer from here,"
                + " then plan again | Patroni's state could not be read (" + NO_PATRONI + "): hadeck cannot tell"
                + " whether cluster failover is on; make Patroni's REST API (GET /cluster) or etcd answer from here,"
                + " then plan again");
    }

    @Test
    void demoteIsRefusedWhenPatronisStateCannotBeRead() {
        Plan p = new SwitchoverRunbook(ctx(haUnreadable(Clusters.healthyPrimaryTwoStandbys(), NO_PATRONI)),
                SwitchoverRunbook.Kind.DEMOTE, "node-1").plan();
        assertThat(reasons(p)).startsWith("Patroni's state could not be read (" + NO_PATRONI + "): hadeck cannot tell"
                + " which standby of node-1 may become leader;");
        assertThat(p.steps()).isEmpty();
    }

    @Test
    void failoverSettingsAreRefusedWhenPatronisStateCannotBeRead() {
        ClusterSnapshot s = haUnreadable(Clusters.healthyPrimaryTwoStandbys(), NO_PATRONI);
        assertThat(reasons(new ClusterFailoverRunbook(ctx(s), false).plan())).startsWith("Patroni's state could not be"
                + " read (" + NO_PATRONI + "): hadeck cannot tell whether cluster failover is on now, nor verify the change;");
        assertThat(reasons(new NodeFailoverRunbook(ctx(s), "node-2", false).plan())).startsWith("Patroni's state could"
                + " not be read (" + NO_PATRONI + "): hadeck cannot tell whether node-2 is a member and whether it may"
                + " become leader now;");
    }

    @Test
    void theStateSentenceSaysWhenPatronisStateCannotBeRead() {
        ClusterSnapshot s = haUnreadable(Clusters.healthyPrimaryTwoStandbys(), NO_PATRONI);
        assertThat(ctx(s).stateNow()).isEqualTo("node-1 is primary on timeline 3; node-2, node-3 stream from it;"
                + " Patroni's state could not be read (" + NO_PATRONI + ")");
    }

    // ------------------------------------------------------------------ Patroni's own verdict, predicted

    static io.hadeck.model.HaSettings settings(long maxLag, io.hadeck.model.Lsn leaderOptime, boolean sync, String syncStandby) {
        return new io.hadeck.model.HaSettings(10, 2, maxLag, sync, false, false, leaderOptime, syncStandby);
    }

    @Test
    void aNofailoverCandidateIsRefusedWithPatronisOwnWords() {
        Plan p = promote(Clusters.healthy().noFailover("node-2").haSettings(settings(1 << 20, null, false, null)).build(),
                "node-2");
        assertThat(reasons(p)).contains("Patroni will refuse: node-2 is tagged nofailover (Patroni answers \"switchover"
                + " is not possible: no good candidates have been found\")");
    }

    @Test
    void inSynchronousModeOnlyTheSyncStandbyMayTakeOver() {
        Plan p = promote(Clusters.healthy().haSettings(settings(1 << 20, null, true, "node-3")).build(), "node-2");
        assertThat(reasons(p)).isEqualTo("Patroni will refuse: synchronous_mode is on and node-2 is not the synchronous"
                + " standby (node-3 is): Patroni answers \"candidate name does not match with sync_standby\"");
        assertThat(promote(Clusters.healthy().haSettings(settings(1 << 20, null, true, "node-3")).build(), "node-3").refused())
                .isFalse();
    }

    @Test
    void patroniJudgesTheRecordedPositionNotTheLiveLag() {
        ClusterSnapshot s0 = Clusters.healthy().build();
        io.hadeck.model.Lsn at = s0.node("node-2").flatMap(n -> n.postgres().get()).map(p -> p.replayedLsn()).orElseThrow();
        io.hadeck.model.Lsn recorded = new io.hadeck.model.Lsn(at.value() + (3L << 20));
        Plan p = promote(Clusters.healthy().haSettings(settings(1 << 20, recorded, false, null)).build(), "node-2");
        assertThat(reasons(p)).startsWith("Patroni will refuse: node-2 is at ").contains(", 3 MiB behind the leader's"
                + " position recorded in etcd (" + recorded + "), limit 1 MiB (maximum_lag_on_failover); its live lag is ")
                .endsWith(" — retry after one loop (2 s)");
    }

    @Test
    void whenPatroniWouldAcceptThePlanSaysWhy() {
        Plan p = promote(Clusters.healthy().haSettings(settings(1 << 20, null, false, null)).build(), "node-2");
        assertThat(p.preflight()).anySatisfy(c -> assertThat(c.reason()).isEqualTo("Patroni will accept node-2"
                + " (maximum_lag_on_failover 1 MiB, loop_wait 2 s, ttl 10 s)"));
    }
}
