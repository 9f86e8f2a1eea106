package io.hadeck.probe.es;

import io.hadeck.model.EsStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recorded from the lab's Elasticsearch 7.10.2 (three nodes, green). */
class EsMappingTest {

    private final EsClusterHealth health = EsMapping.health("node-1", Recorded.json("es-7.10.2-cluster-health.json"),
            Recorded.json("es-7.10.2-cat-nodes.json"));

    @Test
    void greenThreeNodes() {
        assertThat(health.status()).isEqualTo(EsStatus.GREEN);
        assertThat(health.nodes()).isEqualTo(3);
        assertThat(health.dataNodes()).isEqualTo(3);
        assertThat(health.unassignedShards()).isZero();
        assertThat(health.activeShardsPercent()).isEqualTo(100.0);
        assertThat(health.nodeList()).hasSize(3);
        assertThat(health.nodeList()).filteredOn(EsNode::electedMaster).hasSize(1);
        EsNode any = health.nodeList().get(0);
        assertThat(any.version()).isEqualTo("7.10.2");
        assertThat(any.isMasterEligible()).isTrue();
        assertThat(any.isData()).isTrue();
        assertThat(any.heapPercent()).isNotNull();
    }

    @Test
    void configuredNodesMatchByNameOrAddress() {
        NodeConfig n2 = new NodeConfig("node-2", "127.0.7.3", null, null, null, "http://127.0.7.3:9200", List.of(), null, null, null);
        assertThat(EsMapping.match(n2, health.nodeList())).map(EsNode::name).contains("node-2");
        NodeConfig other = new NodeConfig("db-9", "10.9.9.9", null, null, null, "http://10.9.9.9:9200", List.of(), null, null, null);
        assertThat(EsMapping.match(other, health.nodeList())).isEmpty();
    }

    @Test
    void missingStatusIsAClearErrorNotAnNpe() {
        ObjectNode bad = (ObjectNode) Recorded.json("es-7.10.2-cluster-health.json");
        bad.remove("status");
        assertThatThrownBy(() -> EsMapping.health("node-1", bad, Recorded.json("es-7.10.2-cat-nodes.json")))
                .isInstanceOf(ProbeException.class)
                .hasMessage("unexpected response shape from Elasticsearch node-1: missing 'status'");
        assertThatThrownBy(() -> EsMapping.health("node-1", new ObjectMapper().readTree("[]"), null))
                .isInstanceOf(ProbeException.class).hasMessageContaining("not a JSON object");
    }
}
