package io.hadeck.watch;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One sweep against the healthy lab shows every layer as the lab really is. */
class ReadOnceIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnceIT.class);

    @BeforeAll
    static void healthy() {
        Lab.awaitHealthy(Duration.ofSeconds(120));
    }

    @Test
    void oneSnapshotShowsTheWholeHealthyLab() {
        // Warm-up (class loading, JIT) until one read sees every source; a loaded CI box needs a few.
        for (int i = 0; i < 5 && !allOk(OneShotSweep.SYSTEM.read(LabCluster.config(), Duration.ofSeconds(8))); i++) {
            LOG.info("warm-up one-shot sweep {} saw failures", i);
        }
        ClusterSnapshot s = null;
        long ms = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            ClusterSnapshot r = OneShotSweep.SYSTEM.read(LabCluster.config(), Duration.ofSeconds(8));
            long took = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("[figure] one-shot sweep wall time: " + took + " ms; per source: " + perSource(r));
            if (allOk(r) && took < ms) {
                ms = took;
                s = r;
            }
        }
        assertThat(s).as("a one-shot sweep with every source answering").isNotNull();

        assertThat(s.primaries()).hasSize(1);
        String primary = s.primary().orElseThrow().name();
        assertThat(s.standbys()).hasSize(2);
        for (NodeView n : s.standbys()) {
            PgInstance pg = n.postgres().value();
            assertThat(pg.walReceiver().status()).isEqualTo("streaming");
            assertThat(pg.lagBytes()).isNotNull().isGreaterThanOrEqualTo(0);
            assertThat(pg.lagSeconds()).isNotNull();
        }
        EtcdCluster etcd = s.etcd().value();
        assertThat(etcd.healthy()).isEqualTo(3);
        assertThat(etcd.total()).isEqualTo(3);
        assertThat(etcd.leaderId()).isNotNull();
        assertThat(s.nodes().stream().filter(n -> n.etcd() != null && n.etcd().isOk() && n.etcd().value().leader()))
                .hasSize(1);
        assertThat(s.es().value().status()).isEqualTo("green");
        assertThat(s.es().value().nodes()).isEqualTo(3);
        for (String d : new String[] {"drbd-a", "drbd-b"}) {
            DrbdResource r = s.node(d).orElseThrow().drbd().value().resources().get(0);
            assertThat(r.connection()).isEqualTo("Connected");
            assertThat(r.disk() + "/" + r.peerDisk()).isEqualTo("UpToDate/UpToDate");
        }
        assertThat(s.leaderKeyHolder()).contains(primary);
        assertThat(s.node(primary).orElseThrow().ha().value().role()).isEqualTo("leader");
        assertThat(ms).isLessThan(8000);
    }

    static boolean allOk(ClusterSnapshot s) {
        return s.etcd().isOk() && s.es().isOk() && s.ha().isOk() && s.nodes().stream().allMatch(n ->
                (n.postgres() == null || n.postgres().isOk()) && (n.drbd() == null || n.drbd().isOk()));
    }

    static String perSource(ClusterSnapshot s) {
        StringBuilder b = new StringBuilder();
        b.append("etcd=").append(ms(s.etcd())).append(" es=").append(ms(s.es())).append(" patroni=").append(ms(s.ha()));
        b.append(s.nodes().stream().filter(n -> n.postgres() != null).map(n -> " pg " + n.name() + "=" + ms(n.postgres()))
                .collect(Collectors.joining()));
        b.append(s.nodes().stream().filter(n -> n.drbd() != null).map(n -> " drbd " + n.name() + "=" + ms(n.drbd()))
                .collect(Collectors.joining()));
        return b.toString();
    }

    private static String ms(Observation<?> o) {
        return o == null ? "-" : o.took().toMillis() + "ms" + (o.isOk() ? "" : "(" + o.error() + ")");
    }
}
