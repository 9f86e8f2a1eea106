package io.hadeck.watch;

import io.hadeck.model.HaManagerKind;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Secret;
import io.hadeck.testkit.Lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's cluster as a ClusterConfig, built from the same addresses and secret files the lab
 * writes into hadeck.yaml (ConfigLoader is another helper's; these ITs must not depend on its progress).
 */
final class LabCluster {
    /** -Dhadeck.it.timeoutScale=N multiplies the lab's 2 s / 3 s timeouts on an overloaded box. */
    private static final int SCALE = Integer.getInteger("hadeck.it.timeoutScale", 1);

    private LabCluster() {
    }

    static ClusterConfig config() {
        String secrets = Lab.dir().resolve("secrets").toString();
        String ssh = Lab.dir().resolve("ssh").toString();
        List<NodeConfig> nodes = new ArrayList<>();
        List<String> etcd = new ArrayList<>();
        for (String n : List.of("node-1", "node-2", "node-3")) {
            String h = Lab.host(n);
            etcd.add("http://" + h + ":2379");
            nodes.add(new NodeConfig(n, h, "http://" + h + ":2379", h + ":5432", "http://" + h + ":8008",
                    "http://" + h + ":9200", List.of(), null, "postgres", null));
        }
        nodes.add(new NodeConfig("drbd-a", Lab.host("drbd-a"), null, null, null, null, List.of("pc0"), "ssh", null, "drbd-b"));
        nodes.add(new NodeConfig("drbd-b", Lab.host("drbd-b"), null, null, null, null, List.of("pc0"), "ssh", null, "drbd-a"));
        Duration s1 = Duration.ofSeconds(1);
        return new ClusterConfig("lab", HaManagerKind.PATRONI, false,
                new ClusterConfig.Etcd(etcd, null, null, null),
                new ClusterConfig.Patroni("lab", "/service/", "hadeck", Secret.file(secrets + "/patroni-api.password"), null),
                new ClusterConfig.Postgres("postgres", "hadeck_monitor", Secret.file(secrets + "/pg-monitor.password"),
                        "disable", null),
                new ClusterConfig.Elasticsearch(null, null, null),
                new ClusterConfig.Ssh("hadecklab", 2222, ssh + "/lab_key", ssh + "/known_hosts", Duration.ofSeconds(3), List.of()),
                new ClusterConfig.Poll(s1, s1, s1, Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new ClusterConfig.Timeouts(Duration.ofSeconds(2L * SCALE), Duration.ofSeconds(3L * SCALE)),
                ClusterConfig.Thresholds.defaults(), nodes);
    }
}
