package io.hadeck.console.condition;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import java.util.List;

/** The names a condition may mention, taken from the config, so typos fail before a runbook runs. */
public record Vocabulary(List<String> nodes, List<String> resources) {

    public Vocabulary {
        nodes = List.copyOf(nodes);
        resources = List.copyOf(resources);
    }

    public static Vocabulary of(ClusterConfig cluster) {
        return new Vocabulary(cluster.nodes().stream().map(NodeConfig::name).toList(),
                cluster.nodes().stream().flatMap(n -> n.drbdResources().stream()).distinct().toList());
    }
}
