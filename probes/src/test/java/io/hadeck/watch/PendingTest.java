package io.hadeck.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.config.ClusterConfig;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

/** Which card lines say "reading…" until their source answers. */
class PendingTest {

    private final ClusterConfig lab = Clusters.labBuilder().config();

    @Test
    void eachSourceNamesTheLayersItFillsIn() {
        assertThat(Pending.layersOf("postgres node-2", lab)).containsExactly("node-2/PG");
        assertThat(Pending.layersOf("drbd drbd-a", lab)).containsExactly("drbd-a/DRBD");
        assertThat(Pending.layersOf("etcd", lab)).containsExactly("node-1/etcd", "node-2/etcd", "node-3/etcd");
        assertThat(Pending.layersOf("elasticsearch", lab)).containsExactly("node-1/ES", "node-2/ES", "node-3/ES");
        assertThat(Pending.layersOf("patroni", lab)).containsExactly("node-1/HA", "node-2/HA", "node-3/HA");
    }
}
