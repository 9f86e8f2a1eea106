package io.hadeck.actions.bench;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Secret;
import java.nio.file.Path;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's cluster as a ClusterConfig, with the values scripts/lab writes to its hadeck.yaml, for
 * the benchmark and the ITs (until the config loader is there to read that file).
 */
public final class LabConfig {
    private LabConfig() {
    }

    public static ClusterConfig of(String net, Path labDir) {
        String dir = labDir.toAbsolutePath().toString();
        List<NodeConfig> nodes = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String h = net + "." + (i + 1);
            nodes.add(new NodeConfig("node-" + i, h, "http://" + h + ":2379", h + ":5432", "http://" + h + ":8008", null,
                    List.of(), null, "postgres", null));
        }
        nodes.add(new NodeConfig("drbd-a", net + ".5", null, null, null, null, List.of("pc0"), "ssh", null, "drbd-b"));
        nodes.add(new NodeConfig("drbd-b", net + ".6", null, null, null, null, List.of("pc0"), "ssh", null, "drbd-a"));
        List<String> etcd = List.of("http://" + net + ".2:2379", "http://" + net + ".3:2379", "http://" + net + ".4:2379");
        return new ClusterConfig("lab", "patroni", false, new ClusterConfig.Etcd(etcd, null, null, null),
                new ClusterConfig.Patroni("lab", "/service/", "hadeck", Secret.file(dir + "/secrets/patroni-api.password"), null),
                new ClusterConfig.Postgres("postgres", "hadeck_monitor", Secret.file(dir + "/secrets/pg-monitor.password"),
                        "disable", null), null,
                new ClusterConfig.Ssh("hadecklab", 2222, dir + "/ssh/lab_key", dir + "/ssh/known_hosts", Duration.ofSeconds(3),
                        List.of()),
                null, new ClusterConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)),
                ClusterConfig.Thresholds.defaults(), nodes);
    }
}
