package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.probe.pg.PgConnections;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitoring tool must never use up a server's max_connections: forty configured nodes that all
 * name node-2's PostgreSQL are each read, over no more than {@link PgConnections#PER_SERVER} connections.
 */
class SharedServerIT {

    @Test
    void fortyNodesNamingOneServerAreAllReadOverAFewConnections() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(120));
        ClusterConfig lab = LabCluster.config();
        NodeConfig node2 = lab.node("node-2").orElseThrow();
        List<NodeConfig> fleet = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            fleet.add(new NodeConfig(String.format("alias-%02d", i), node2.host(), null, node2.postgres(), null, null,
                    List.of(), null, "postgres", null));
        }
        ClusterConfig cfg = new ClusterConfig("aliases", "none", true, null, null, lab.postgres(), null, null,
                lab.poll(), lab.timeouts(), lab.thresholds(), fleet);

        AtomicInteger peak = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sample(lab, node2.postgres(), peak, sampling));
        sampler.start();
        ClusterSnapshot s;
        try {
            Thread.sleep(200);
            s = OneShotSweep.SYSTEM.read(cfg, Duration.ofSeconds(20));
        } finally {
            sampling.set(false);
            sampler.join();
        }

        assertThat(s.nodes()).hasSize(40).allSatisfy(n -> assertThat(n.postgres().isOk())
                .as(n.name() + ": " + n.postgres().error()).isTrue());
        assertThat(s.nodes().stream().map(NodeView::postgres).map(o -> o.value().role()).distinct()).hasSize(1);
        System.out.println("[figure] 40 nodes naming one server: peak " + peak.get() + " hadeck connections");
        assertThat(peak.get()).isBetween(1, PgConnections.PER_SERVER);
    }

    /** Counts hadeck's own sessions on the server every 10 ms from a connection of its own. */
    private static void sample(ClusterConfig lab, String server, AtomicInteger peak, AtomicBoolean sampling) {
        Properties p = new Properties();
        p.setProperty("user", lab.postgres().user());
        p.setProperty("password", lab.postgres().password().reveal());
        p.setProperty("ApplicationName", "hadeck-test-sampler");
        p.setProperty("sslmode", "disable");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres", p);
             Statement st = c.createStatement()) {
            while (sampling.get()) {
                try (ResultSet rs = st.executeQuery("select count(*) from pg_stat_activity where application_name = 'hadeck'")) {
                    rs.next();
                    peak.accumulateAndGet(rs.getInt(1), Math::max);
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("sampler failed: " + e, e);
        }
    }
}
