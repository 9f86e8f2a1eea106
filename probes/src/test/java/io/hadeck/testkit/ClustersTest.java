package io.hadeck.testkit;

import io.hadeck.model.EsStatus;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClustersTest {

    @Test
    void healthyClusterHasOnePrimaryAndTwoStreamingStandbys() {
        ClusterSnapshot s = Clusters.healthyPrimaryTwoStandbys();
        assertThat(s.cluster()).isEqualTo("lab");
        assertThat(s.takenAt()).isEqualTo(Clusters.NOW);
        assertThat(s.primary()).map(NodeView::name).contains("node-1");
        assertThat(s.standbys()).extracting(NodeView::name).containsExactly("node-2", "node-3");
        assertThat(s.leaderKeyHolder()).contains("node-1");
        assertThat(s.etcd().get().orElseThrow().hasQuorum()).isTrue();
        assertThat(s.es().get().orElseThrow().status()).isEqualTo(EsStatus.GREEN);
    }

    @Test
    void twoPrimariesHasTwoWritableNodes() {
        assertThat(Clusters.twoPrimaries().primaries()).extracting(NodeView::name).containsExactly("node-1", "node-2");
    }

    @Test
    void etcdNoQuorumHasOneHealthyMemberOfThree() {
        var etcd = Clusters.etcdNoQuorum().etcd().get().orElseThrow();
        assertThat(etcd.healthy()).isEqualTo(1);
        assertThat(etcd.hasQuorum()).isFalse();
    }

    @Test
    void everyDrbdScenarioBuildsBothNodes() {
        for (int i = 1; i <= 5; i++) {
            assertThat(Clusters.drbdScenario(i).nodes()).extracting(NodeView::name).containsExactly("drbd-a", "drbd-b");
        }
    }

    @Test
    void bigFleetMarksTheRequestedShareUnreachable() {
        ClusterSnapshot s = Clusters.bigFleet(200, 0.1);
        assertThat(s.nodes()).hasSize(200);
        assertThat(s.nodes().stream().filter(n -> !n.postgres().isOk()).count()).isEqualTo(20);
    }

    @Test
    void configMatchesTheBuiltNodes() {
        var cfg = Clusters.labBuilder().config();
        assertThat(cfg.nodes()).extracting(n -> n.name()).containsExactly("node-1", "node-2", "node-3", "drbd-a", "drbd-b");
        assertThat(cfg.node("drbd-a").orElseThrow().peer()).isEqualTo("drbd-b");
    }
}
