package io.hadeck.actions;

import io.hadeck.model.HaManagerKind;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.testkit.Clusters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The testkit's lab layout as a ClusterConfig, and an HA manager that records the moves it is asked to make. */
public final class TestClusters {
    private TestClusters() {
    }

    public static ClusterConfig lab() {
        List<NodeConfig> nodes = new ArrayList<>();
        for (String n : List.of("node-1", "node-2", "node-3")) {
            String h = Clusters.hostOf(n);
            nodes.add(new NodeConfig(n, h, "http://" + h + ":2379", h + ":5432", "http://" + h + ":8008", null, List.of(),
                    null, "postgres", null));
        }
        for (String n : List.of("drbd-a", "drbd-b")) {
            nodes.add(new NodeConfig(n, Clusters.hostOf(n), null, null, null, null, List.of("pc0"), "ssh", null,
                    n.equals("drbd-a") ? "drbd-b" : "drbd-a"));
        }
        return new ClusterConfig("lab", HaManagerKind.PATRONI, false, null, null, null, null, null, null,
                new ClusterConfig.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)), Clusters.thresholds(), nodes);
    }

    /** Records each call that is run; the runbooks read the cluster's state from their snapshot, not from here. */
    public static final class RecordingHaManager implements HaManager {
        public final List<String> made = new ArrayList<>();

        private Call call(String d) {
            return new Call(d, () -> {
                made.add(d);
                return "ok";
            });
        }

        @Override
        public String name() {
            return "patroni";
        }

        @Override
        public Call switchover(String from, String to) {
            return call("switchover " + from + " " + to);
        }

        @Override
        public Call failover(String to) {
            return call("failover " + to);
        }

        @Override
        public Call setClusterFailover(boolean enabled) {
            return call("cluster-failover " + enabled);
        }

        @Override
        public Call setNodeFailover(String node, boolean allowed) {
            return call("node-failover " + node + " " + allowed);
        }

        @Override
        public Call stopPostgres(String node) {
            return call("stop postgres " + node);
        }

        @Override
        public Call reinitialize(String node) {
            return call("reinitialize " + node);
        }

        @Override
        public String howToEnableClusterFailover() {
            return "hadeck set-cluster-failover on";
        }

        @Override
        public io.hadeck.actions.ha.ManagerWords words() {
            return io.hadeck.actions.ha.ManagerWords.PATRONI;
        }
    }
}
