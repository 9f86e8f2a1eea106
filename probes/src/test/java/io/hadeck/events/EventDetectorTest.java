package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDetectorTest {

    private static List<String> sentences(ClusterSnapshot before, ClusterSnapshot after) {
        return EventDetector.between(before, after, Clusters.thresholds()).stream()
                .map(e -> e.severity().name() + " " + e.sentence()).toList();
    }

    @Test
    void nothingHappensBetweenTwoEqualSnapshotsOrWithoutAnEarlierOne() {
        assertThat(EventDetector.between(Clusters.lab(), Clusters.lab())).isEmpty();
        assertThat(EventDetector.between(null, Clusters.lab())).isEmpty();
    }

    @Test
    void snapshotsOfDifferentClustersAreNotCompared() {
        ClusterSnapshot other = Clusters.healthy().named("prod").primary("node-1").build();
        assertThat(EventDetector.between(Clusters.primaryDown(), other)).isEmpty();
    }

    @Test
    void primaryDownSaysSoAndThatNoPrimaryIsLeftAndStandbysStoppedStreaming() {
        List<String> s = sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.primaryDown());
        assertThat(s).contains(
                "WARN node-1: PostgreSQL unreachable: connection refused (127.0.0.2:5432)",
                "CRIT no writable primary (was node-1)",
                "WARN node-2: standby stopped streaming (WAL receiver not running)",
                "WARN node-3: standby stopped streaming (WAL receiver not running)");
    }

    @Test
    void primaryChangedNamesBothNodesAndTheRoleChange() {
        ClusterSnapshot after = Clusters.healthy().standby("node-1").primary("node-2").leaderKey("node-2")
                .timeline("node-2", 4).build();
        List<String> s = sentences(Clusters.healthyPrimaryTwoStandbys(), after);
        assertThat(s).contains(
                "WARN node-2: primary changed: node-1 → node-2",
                "WARN node-2: PostgreSQL role standby → primary (timeline 4)",
                "WARN node-1: PostgreSQL role primary → standby (timeline 3)",
                "WARN node-2: HA leader changed: node-1 → node-2 holds the leader key");
    }

    @Test
    void twoWritablePrimariesAreCritical() {
        List<String> s = sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.twoPrimaries());
        assertThat(s).contains("CRIT 2 writable primaries: node-1, node-2");
        assertThat(s).contains("WARN node-1: HA member down: left the patroni member list");
        List<String> back = sentences(Clusters.twoPrimaries(), Clusters.healthyPrimaryTwoStandbys());
        assertThat(back).contains("OK node-1: single writable primary again (was node-1, node-2)",
                "OK node-1: HA member up: joined the patroni member list (leader, running)");
    }

    @Test
    void lagCrossesWarnThenCritThenComesBack() {
        ClusterSnapshot ok = Clusters.healthyPrimaryTwoStandbys();
        ClusterSnapshot warn = Clusters.lagging("node-2", 20L << 20, 2.0);
        ClusterSnapshot crit = Clusters.lagging("node-2", 300L << 20, 2.0);
        assertThat(sentences(ok, warn)).contains("WARN node-2: replication lag crossed the warn threshold: 20.0 MiB / 2.0 s");
        assertThat(sentences(warn, crit)).contains("CRIT node-2: replication lag crossed the crit threshold: 300.0 MiB / 2.0 s");
        assertThat(sentences(crit, ok)).contains("OK node-2: replication lag back under the warn threshold: 0 B / 0.0 s");
    }

    @Test
    void lagBySecondsAloneCrossesToo() {
        assertThat(sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.lagging("node-3", 1024, 45)))
                .contains("WARN node-3: replication lag crossed the warn threshold: 1.0 KiB / 45.0 s");
    }

    @Test
    void etcdQuorumLostAndRegainedAndLeaderGone() {
        List<String> lost = sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.etcdNoQuorum());
        assertThat(lost).contains("CRIT etcd quorum lost: 1/3 healthy", "CRIT etcd has no leader (was node-2)",
                "WARN node-2: etcd unreachable: connection refused (127.0.0.3:2379)");
        assertThat(sentences(Clusters.etcdNoQuorum(), Clusters.healthyPrimaryTwoStandbys()))
                .contains("OK etcd quorum regained: 3/3 healthy", "OK node-2: etcd elected a leader",
                        "OK node-2: etcd reachable again");
    }

    @Test
    void etcdLeaderChangeIsNamedByMember() {
        ClusterSnapshot moved = Clusters.builder().etcdMembers("node-2", "node-1", "node-3")
                .primary("node-1").standby("node-2").standby("node-3").esNodes("node-1", "node-2", "node-3").build();
        assertThat(sentences(Clusters.healthyPrimaryTwoStandbys(), moved))
                .contains("WARN node-1: etcd leader changed: node-2 → node-1");
    }

    @Test
    void elasticsearchStatusAndMembership() {
        List<String> yellow = sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.esYellow());
        assertThat(yellow).contains("WARN Elasticsearch green → yellow (2 nodes, 4 unassigned shards)",
                "WARN node-3: Elasticsearch node left the cluster",
                "WARN node-3: Elasticsearch unreachable: connection refused (127.0.0.4:9200)");
        assertThat(sentences(Clusters.esYellow(), Clusters.esRed())).contains("CRIT Elasticsearch yellow → red (2 nodes, 6 unassigned shards)");
        assertThat(sentences(Clusters.esRed(), Clusters.healthyPrimaryTwoStandbys()))
                .contains("OK Elasticsearch red → green (3 nodes, 0 unassigned shards)",
                        "OK node-3: Elasticsearch node joined the cluster");
    }

    @Test
    void nodeDownAndUpReplacePerLayerNoise() {
        List<String> down = sentences(Clusters.healthyPrimaryTwoStandbys(), Clusters.unreachable("node-3"));
        assertThat(down).contains("CRIT node-3: node down: no layer answers (connect timed out after 2000 ms (127.0.0.4))");
        assertThat(down).noneMatch(x -> x.startsWith("WARN node-3: PostgreSQL unreachable"));
        assertThat(sentences(Clusters.unreachable("node-3"), Clusters.healthyPrimaryTwoStandbys()))
                .contains("OK node-3: node up: answers again");
    }

    @Test
    void drbdStateChangesAndSplitBrain() {
        List<String> s = sentences(Clusters.drbdHealthy(), Clusters.drbdScenario(2));
        assertThat(s).contains("INFO drbd-a: DRBD minor 0 cs Connected → SyncSource",
                "CRIT drbd-a: DRBD minor 0 ds UpToDate/UpToDate → UpToDate/Inconsistent",
                "CRIT drbd-b: DRBD minor 0 ds UpToDate/UpToDate → Inconsistent/UpToDate");
        List<String> split = sentences(Clusters.drbdHealthy(), Clusters.drbdSplitBrain());
        assertThat(split).contains("CRIT drbd-a: DRBD minor 0 cs Connected → StandAlone",
                "INFO drbd-a: DRBD minor 0 ro Primary/Secondary → Primary/Unknown");
        ClusterSnapshot bothPrimary = Clusters.builder()
                .drbd("drbd-a", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 10)
                .drbd("drbd-b", "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", 10).build();
        assertThat(sentences(Clusters.drbdSplitBrain(), bothPrimary))
                .contains("CRIT DRBD split-brain: minor 0 is Primary and disconnected on drbd-a and drbd-b");
        assertThat(sentences(bothPrimary, Clusters.drbdHealthy()))
                .contains("OK DRBD split-brain over: minor 0 is Primary and disconnected on drbd-a and drbd-b");
    }

    @Test
    void findingsRaisedAndClearedByCode() {
        ClusterSnapshot bad = Clusters.drbdSplitBrain();
        List<String> raised = sentences(Clusters.drbdHealthy(), bad);
        bad.findings().forEach(f -> assertThat(raised).anyMatch(x -> x.contains("finding raised: " + f.code())));
        List<String> cleared = sentences(bad, Clusters.drbdHealthy());
        bad.findings().forEach(f -> assertThat(cleared).anyMatch(x -> x.contains("finding cleared: " + f.code())));
    }

    @Test
    void clusterFailoverOffAndOn() {
        ClusterSnapshot paused = Clusters.healthy().paused().build();
        assertThat(sentences(Clusters.healthyPrimaryTwoStandbys(), paused))
                .contains("WARN cluster failover turned off (patroni paused)");
        assertThat(sentences(paused, Clusters.healthyPrimaryTwoStandbys())).contains("OK cluster failover turned on");
    }

    @Test
    void eventsCarryTheLaterSnapshotsTime() {
        ClusterSnapshot later = Clusters.healthy().at(Clusters.NOW.plusSeconds(5)).paused().build();
        assertThat(EventDetector.between(Clusters.healthyPrimaryTwoStandbys(), later))
                .allMatch(e -> e.at().equals(Clusters.NOW.plusSeconds(5)));
    }
}
