package io.hadeck.findings;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;
import io.hadeck.parse.DrbdKernelLogParser;
import io.hadeck.probe.pg.RecordedRows;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per finding code, each the situation of the runbook it protects. */
class FindingsEngineTest {

    static final long MB = 1L << 20;

    static List<FindingCode> codes(ClusterSnapshot s) {
        return s.findings().stream().map(Finding::code).toList();
    }

    static Finding only(ClusterSnapshot s, FindingCode code) {
        List<Finding> f = s.findings().stream().filter(x -> x.code().equals(code)).toList();
        assertThat(f).as("findings %s of %s", code, s.findings()).hasSize(1);
        return f.get(0);
    }

    @Test
    void aHealthyLabHasNothingToSay() {
        assertThat(Clusters.lab().findings()).isEmpty();
        assertThat(Clusters.healthyPrimaryTwoStandbys().findings()).isEmpty();
        assertThat(Clusters.drbdHealthy().findings()).isEmpty();
    }

    @Test
    void patroni302WordsMasterAndRunningAreUnderstood() {
        assertThat(Clusters.healthy().legacyPatroniWords().build().findings()).isEmpty();
    }

    @Test
    void derivingIsPureAndOrderedWorstFirst() {
        ClusterSnapshot s = Clusters.twoPrimaries();
        List<Finding> a = FindingsEngine.derive(s, Clusters.thresholds());
        assertThat(FindingsEngine.derive(s, Clusters.thresholds())).isEqualTo(a);
        assertThat(a.get(0).severity()).isEqualTo(Severity.CRIT);
    }

    // ------------------------------------------------------------------ PostgreSQL / Patroni

    @Test
    void killingPatroniAloneLeavesTwoWritablePrimaries() {
        Finding f = only(Clusters.twoPrimaries(), FindingCode.PG_TWO_PRIMARIES);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.nodes()).containsExactly("node-1", "node-2");
        assertThat(f.message()).contains("node-1 and node-2 both accept writes").contains("leader key names node-2");
        assertThat(f.action()).isEqualTo("Fence the old primary: hadeck fence node-1 (key X on node-1) stops its"
                + " postmaster; then rejoin it as a standby: hadeck rejoin node-1.");
    }

    @Test
    void anInactiveSlotHoldingWalBeyondTheLimitIsSaid() {
        ClusterSnapshot s = Clusters.healthy().notStreaming("node-3").lag("node-3", 300 * MB, 10).build();
        Finding f = only(s, FindingCode.SLOT_RETAINING_WAL);
        assertThat(f.message()).isEqualTo("Replication slot node_3 on node-1 is inactive and holds 300 MiB of WAL (limit"
                + " 256 MiB, thresholds.lagCrit): the primary's disk fills until the slot is used or dropped.");
        assertThat(f.action()).endsWith("SELECT pg_drop_replication_slot('node_3');");
        assertThat(codes(Clusters.healthy().notStreaming("node-3").build())).doesNotContain(FindingCode.SLOT_RETAINING_WAL);
    }

    @Test
    void synchronousModeWithoutASyncStandbyIsSaid() {
        ClusterSnapshot s = Clusters.healthy().haSettings(new io.hadeck.model.HaSettings(10, 2, 1 << 20, true, true, false,
                null, null)).build();
        Finding f = only(s, FindingCode.SYNC_STANDBY_MISSING);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).isEqualTo("synchronous_mode is on but no standby of node-1 is synchronous (the sync key"
                + " names none): commits on node-1 wait until one is.");
    }

    @Test
    void aPrimaryWhosePatroniDiedIsSaidAtOnceWithTheSecondsLeftOnItsKey() {
        ClusterSnapshot s = Clusters.healthy().leaderAgentDown("connection refused", 7L).build();
        Finding f = only(s, FindingCode.HA_AGENT_DOWN_ON_PRIMARY);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.nodes()).containsExactly("node-1");
        assertThat(f.message()).isEqualTo("node-1's patroni does not answer (connection refused) while it holds the leader"
                + " key and its PostgreSQL still accepts writes: the key expires in 7 s, then another node is promoted and"
                + " node-1 keeps accepting writes: two writable primaries.");
        assertThat(f.action()).contains("hadeck fence node-1");
        assertThat(codes(Clusters.healthy().build())).doesNotContain(FindingCode.HA_AGENT_DOWN_ON_PRIMARY);
    }

    @Test
    void aDeadPostmasterLeavesNoPrimaryAndTheOldPrimaryUnreachable() {
        ClusterSnapshot s = Clusters.primaryDown();
        Finding f = only(s, FindingCode.PG_NO_PRIMARY);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).contains("node-1 does not answer freshly");
        assertThat(only(s, FindingCode.UNREACHABLE).severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void aLeaderKeyNamingAStandbyIsAMismatch() {
        Finding f = only(Clusters.healthy().leaderKey("node-2").build(), FindingCode.LEADER_KEY_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).isEqualTo("The leader key names node-2 but node-2 is a standby; node-1 is the PostgreSQL primary.");
    }

    @Test
    void anExpiredLeaderKeyIsMissing() {
        Finding f = only(Clusters.healthy().leaderKey(null).build(), FindingCode.LEADER_KEY_MISSING);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("while node-1 accepts writes");
    }

    @Test
    void aStandbyWithoutWalReceiverIsNotStreaming() {
        Finding f = only(Clusters.healthy().notStreaming("node-3").build(), FindingCode.STANDBY_NOT_STREAMING);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).startsWith("node-3 is not streaming from the primary node-1");
    }

    @Test
    void replicaLagNamesTheNodeAndTheNumbers() {
        Finding warn = only(Clusters.lagging("node-3", 48 * MB, 12), FindingCode.REPLICA_LAG);
        assertThat(warn.severity()).isEqualTo(Severity.WARN);
        assertThat(warn.message()).isEqualTo("node-3 is 48 MiB (12 s) behind the primary node-1.");
        assertThat(only(Clusters.lagging("node-2", 300 * MB, 20), FindingCode.REPLICA_LAG).severity()).isEqualTo(Severity.CRIT);
        assertThat(only(Clusters.lagging("node-2", 1024, 400), FindingCode.REPLICA_LAG).severity()).isEqualTo(Severity.CRIT);
        assertThat(codes(Clusters.lagging("node-2", 15 * MB, 29))).doesNotContain(FindingCode.REPLICA_LAG);
    }

    @Test
    void pausedReplayIsReported() {
        Finding f = only(Clusters.healthy().replayPaused("node-2").build(), FindingCode.REPLAY_PAUSED);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.action()).contains("pg_wal_replay_resume()");
    }

    @Test
    void aStandbyAheadOnItsOwnTimelineHasDivergedAndMustBeRewound() {
        Finding f = only(Clusters.healthy().timeline("node-3", 4).build(), FindingCode.TIMELINE_DIVERGENCE);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).startsWith("node-3 follows timeline 4, which the primary node-1 (timeline 3) does not have;"
                + " its history has diverged");
        assertThat(f.action()).startsWith("Rejoin it: hadeck rejoin node-3");
    }

    @Test
    void aStreamingStandbyBehindATimelineSwitchIsOnlyAWarning() {
        // just after a failover the new primary is on timeline 4; standbys still on 3 follow it
        Finding f = only(Clusters.healthy().timeline("node-1", 4).timeline("node-2", 4).build(), FindingCode.TIMELINE_DIVERGENCE);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.nodes()).containsExactly("node-3", "node-1");
    }

    @Test
    void aStandbyBetweenReceiversIsNotJudgedByItsControlFilesOlderTimeline() {
        // node-3's receiver stopped; its control file still names timeline 2, the primary is on 3
        ClusterSnapshot s = Clusters.healthy().notStreaming("node-3").timeline("node-3", 2).build();
        assertThat(codes(s)).contains(FindingCode.STANDBY_NOT_STREAMING).doesNotContain(FindingCode.TIMELINE_DIVERGENCE);
    }

    @Test
    void aLowerBoundPastThePrimarysTimelineIsRealDivergence() {
        ClusterSnapshot s = Clusters.healthy().notStreaming("node-3").timeline("node-3", 4).build();
        Finding f = only(s, FindingCode.TIMELINE_DIVERGENCE);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).isEqualTo("node-3 follows timeline 4, which the primary node-1 (timeline 3) does not have;"
                + " it cannot stream again by itself.");
        assertThat(codes(s)).as("the divergence is why it does not stream: one finding").doesNotContain(FindingCode.STANDBY_NOT_STREAMING);
    }

    @Test
    void recordedPromotionLeavesNoTimelineFindingWhileTheOtherStandbyReconnects() {
        // The lab 0.4 s after node-3 was promoted to timeline 3 (node-crash of node-2): node-1's
        // receiver had stopped and its restartpoint still said timeline 1 (which used to raise a CRIT).
        ClusterSnapshot s = snapshot(
                NodeView.empty("node-3", "127.0.30.4").withPostgres(fresh(RecordedRows.instance("pg15-primary-just-promoted.json"))),
                NodeView.empty("node-1", "127.0.30.2").withPostgres(fresh(RecordedRows.instance(
                        "pg15-standby-receiver-stopped-after-promotion.json"))));
        assertThat(codes(s)).containsExactly(FindingCode.STANDBY_NOT_STREAMING);
    }

    private static <T> Observation<T> fresh(T value) {
        return Observation.ok(value, Clusters.NOW.minusMillis(300), Duration.ofMillis(5));
    }

    private static ClusterSnapshot snapshot(NodeView... nodes) {
        ClusterSnapshot s = new ClusterSnapshot(1, Clusters.NOW, "lab", List.of(nodes), null, null, null, List.of());
        return s.withFindings(FindingsEngine.derive(s, Clusters.thresholds()));
    }

    @Test
    void pausedPatroniMeansNoAutomaticFailover() {
        Finding f = only(Clusters.healthy().paused().build(), FindingCode.CLUSTER_FAILOVER_DISABLED);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.action()).contains("patronictl resume lab");
    }

    @Test
    void aNofailoverTagIsInformation() {
        Finding f = only(Clusters.healthy().noFailover("node-3").build(), FindingCode.NODE_FAILOVER_DISABLED);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.nodes()).containsExactly("node-3");
    }

    // ------------------------------------------------------------------ etcd

    @Test
    void twoOfThreeEtcdMembersDownIsNoQuorum() {
        Finding f = only(Clusters.etcdNoQuorum(), FindingCode.ETCD_NO_QUORUM);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).contains("only 1 of 3 members healthy, 2 needed").contains("node-2 and node-3 down");
    }

    @Test
    void oneEtcdMemberDownKeepsQuorumButIsUnhealthy() {
        ClusterSnapshot s = Clusters.healthy().failed("node-3", "etcd", "connection refused").build();
        Finding f = only(s, FindingCode.ETCD_MEMBER_UNHEALTHY);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("2 of 3 members healthy");
        assertThat(codes(s)).doesNotContain(FindingCode.ETCD_NO_QUORUM);
    }

    @Test
    void aNospaceAlarmMakesEtcdReadOnly() {
        Finding f = only(Clusters.healthy().etcdAlarm("node-1", "NOSPACE").build(), FindingCode.ETCD_ALARM);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.message()).contains("NOSPACE");
        assertThat(f.action()).contains("etcdctl alarm disarm");
    }

    // ------------------------------------------------------------------ Elasticsearch

    @Test
    void aStoppedDataNodeWithoutReplicasTurnsElasticsearchRed() {
        assertThat(only(Clusters.esRed(), FindingCode.ES_RED).severity()).isEqualTo(Severity.CRIT);
        assertThat(only(Clusters.esRed(), FindingCode.ES_UNASSIGNED_SHARDS).severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void aStoppedDataNodeWithReplicasTurnsElasticsearchYellow() {
        ClusterSnapshot s = Clusters.esYellow();
        assertThat(only(s, FindingCode.ES_YELLOW).severity()).isEqualTo(Severity.WARN);
        assertThat(only(s, FindingCode.ES_UNASSIGNED_SHARDS).message()).startsWith("4 Elasticsearch shards are unassigned");
    }

    @Test
    void aConfiguredElasticsearchNodeMissingFromTheClusterIsNamed() {
        Finding f = only(Clusters.esYellow(), FindingCode.ES_NODE_MISSING);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.nodes()).containsExactly("node-3");
        assertThat(codes(Clusters.healthy().esLeft("node-2").build())).contains(FindingCode.ES_NODE_MISSING);
    }

    // ------------------------------------------------------------------ DRBD

    @Test
    void bothSidesStandAloneIsSplitBrainWithLinbitsProcedure() {
        Finding f = only(Clusters.drbdSplitBrain(), FindingCode.DRBD_SPLIT_BRAIN);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.nodes()).containsExactly("drbd-a", "drbd-b");
        assertThat(f.action()).contains("LINBIT").contains("drbdadm connect --discard-my-data 0");
        assertThat(codes(Clusters.drbdSplitBrain())).doesNotContain(FindingCode.DRBD_STANDALONE);
    }

    @Test
    void aSplitBrainReportedByTheKernelSaysWhereAndWhatItSaid() {
        DrbdKernelLog said = DrbdKernelLogParser.parse("[  1791.585223] block drbd0: Split-Brain detected, dropping connection!\n");
        ClusterSnapshot s = Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 4504).drbdKernelLog("drbd-a", said)
                .drbd("drbd-b", "WFConnection", "Primary", "Unknown", "UpToDate", "DUnknown", 4096)
                .drbdKernelLog("drbd-b", DrbdKernelLog.of(List.of())).build();
        Finding f = only(s, FindingCode.DRBD_SPLIT_BRAIN);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.nodes()).containsExactly("drbd-a", "drbd-b");
        assertThat(f.message()).startsWith("DRBD minor 0 is split-brain on drbd-a and drbd-b, reported by the kernel on "
                + "drbd-a (\"Split-Brain detected, dropping connection!\"): drbd-a Primary StandAlone");
        assertThat(codes(s)).doesNotContain(FindingCode.DRBD_STANDALONE);
    }

    @Test
    void aKernelReportOfAResourceConnectedAgainIsOver() {
        DrbdKernelLog said = DrbdKernelLogParser.parse("[  1791.585223] block drbd0: Split-Brain detected, dropping connection!\n");
        ClusterSnapshot s = Clusters.drbdPair().drbdKernelLog("drbd-a", said).build();
        assertThat(codes(s)).doesNotContain(FindingCode.DRBD_SPLIT_BRAIN);
    }

    @Test
    void aStandAloneSideWhoseKernelLogSaysNothingIsToldToReconnect() {
        ClusterSnapshot s = Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 2048)
                .drbdKernelLog("drbd-a", DrbdKernelLog.of(List.of()))
                .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0).build();
        assertThat(only(s, FindingCode.DRBD_STANDALONE).action()).isEqualTo("Its kernel log reports no split-brain: drbdadm connect 0 on drbd-a.");
    }

    @Test
    void oneSideStandAloneIsNotYetSplitBrain() {
        ClusterSnapshot s = Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 2048)
                .drbd("drbd-b", "WFConnection", "Secondary", "Unknown", "UpToDate", "DUnknown", 0).build();
        Finding f = only(s, FindingCode.DRBD_STANDALONE);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).startsWith("drbd-a (Primary) has DRBD minor 0 StandAlone");
        assertThat(codes(s)).doesNotContain(FindingCode.DRBD_SPLIT_BRAIN);
    }

    @Test
    void scenario1LostSecondaryLeavesThePrimaryWaitingForConnection() {
        ClusterSnapshot s = Clusters.drbdScenario(1);
        Finding f = only(s, FindingCode.DRBD_WFCONNECTION);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("drbd-a (Primary) waits for its DRBD peer").contains("128 MiB out of sync");
        assertThat(f.action()).contains("scenarios 1/2");
        assertThat(only(s, FindingCode.UNREACHABLE).nodes()).containsExactly("drbd-b");
    }

    @Test
    void scenario2ResyncAfterTheSecondaryReturnsIsInformation() {
        Finding f = only(Clusters.drbdScenario(2), FindingCode.DRBD_RESYNC);
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.message()).isEqualTo("drbd-b is resyncing minor 0 from its peer: 57.3% done, about 32 s left at 34,328 K/s.");
        assertThat(codes(Clusters.drbdScenario(2))).containsExactly(FindingCode.DRBD_RESYNC);
    }

    @Test
    void scenario3LostPrimaryLeavesAnUpToDateSecondaryToPromote() {
        Finding f = only(Clusters.drbdScenario(3), FindingCode.DRBD_WFCONNECTION);
        assertThat(f.action()).contains("scenario 3").contains("drbdadm primary 0");
    }

    @Test
    void scenario4InconsistentSecondaryWithoutItsPrimaryHasLostData() {
        ClusterSnapshot s = Clusters.drbdScenario(4);
        Finding f = only(s, FindingCode.DRBD_INCONSISTENT);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.action()).contains("scenario 4").contains("primary --force");
        assertThat(only(s, FindingCode.DRBD_WFCONNECTION).action()).contains("do not promote");
    }

    @Test
    void scenario5ConnectedBothSecondaryLosesNothingWhicheverIsPromoted() {
        Finding f = only(Clusters.drbdScenario(5), FindingCode.DRBD_BOTH_SECONDARY);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.action()).contains("scenario 5").contains("neither side holds writes of its own")
                .contains("drbd-a").contains("drbdadm primary 0");
    }

    @Test
    void bothSecondaryCutApartEachWithWritesIsASplitBrainNotScenario5() {
        ClusterSnapshot s = Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 2048)
                .drbd("drbd-b", "StandAlone", "Secondary", "Unknown", "UpToDate", "DUnknown", 8192).build();
        assertThat(codes(s)).contains(FindingCode.DRBD_SPLIT_BRAIN).doesNotContain(FindingCode.DRBD_BOTH_SECONDARY);
        assertThat(only(s, FindingCode.DRBD_SPLIT_BRAIN).message()).contains("both sides are StandAlone")
                .contains("drbd-a is Secondary with 2 MiB out of sync; drbd-b is Secondary with 8 MiB out of sync");
    }

    @Test
    void bothDrbdPrimariesWillDiverge() {
        ClusterSnapshot s = Clusters.builder()
                .drbd("drbd-a", "Connected", "Primary", "Primary", "UpToDate", "UpToDate", 0)
                .drbd("drbd-b", "Connected", "Primary", "Primary", "UpToDate", "UpToDate", 0).build();
        assertThat(only(s, FindingCode.DRBD_BOTH_PRIMARY).severity()).isEqualTo(Severity.CRIT);
    }

    /** A resource with two volumes (DRBD 9) is one resource with two devices, not two Primaries of one. */
    @Test
    void aHealthyPairWhoseResourceHasTwoVolumesRaisesNothing() {
        ClusterSnapshot s = Clusters.builder()
                .drbdText("drbd-a", twoVolumes("Primary", "drbd-b", "Secondary"))
                .drbdText("drbd-b", twoVolumes("Secondary", "drbd-a", "Primary")).build();
        assertThat(codes(s)).noneMatch(c -> c.name().startsWith("DRBD_"));
    }

    private static String twoVolumes(String role, String peer, String peerRole) {
        return "pc0 role:" + role + "\n  volume:0 disk:UpToDate\n  volume:1 disk:UpToDate\n  " + peer + " role:" + peerRole
                + "\n    volume:0 peer-disk:UpToDate\n    volume:1 peer-disk:UpToDate\n";
    }

    // ------------------------------------------------------------------ reading quality

    @Test
    void aStaleReadingIsNeverTakenForCurrentTruth() {
        ClusterSnapshot s = Clusters.stale("node-1");
        Finding f = only(s, FindingCode.STALE_READING);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).contains("node-1's etcd, postgres, elasticsearch and patroni readings are 45 s old (limit 10 s)");
        // the primary's last good reading is 45 s old: nobody may call it the primary now
        assertThat(codes(s)).contains(FindingCode.PG_NO_PRIMARY).doesNotContain(FindingCode.STANDBY_NOT_STREAMING);
        assertThat(codes(Clusters.healthy().stale("node-3", Duration.ofSeconds(5)).build())).isEmpty();
    }

    @Test
    void anUnreachableStandbyIsAWarningAnUnreachablePrimaryIsCritical() {
        Finding standby = only(Clusters.unreachable("node-3"), FindingCode.UNREACHABLE);
        assertThat(standby.severity()).isEqualTo(Severity.WARN);
        assertThat(standby.message()).startsWith("node-3 is unreachable (etcd: connect timed out");
        Finding primary = only(Clusters.unreachable("node-1"), FindingCode.UNREACHABLE);
        assertThat(primary.severity()).isEqualTo(Severity.CRIT);
        assertThat(primary.message()).contains("and it is the primary");
    }

    @Test
    void aSlowEtcdOnThePrimarysHostIsAWarningNotAFailoverAlarm() {
        ClusterSnapshot s = Clusters.healthy().failed("node-1", "etcd", "timed out after 3 s").build();
        Finding f = only(s, FindingCode.UNREACHABLE);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).doesNotContain("it is the primary");
    }

    /** How fast this is belongs in scripts/bench, not in a unit test on a shared machine. */
    @Test
    void aBigFleetWithUnreachableNodesNamesEachUnreachableNodeOnce() {
        ClusterSnapshot s = Clusters.bigFleet(500, 0.1);
        assertThat(s.findings().stream().filter(f -> f.code().equals(FindingCode.UNREACHABLE)).count()).isEqualTo(50);
    }
}
