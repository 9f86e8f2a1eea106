package io.hadeck.config;

import java.util.List;
import java.util.Optional;

/** The whole configuration file: several clusters, like kubectl contexts, and which one is default. */
public record HadeckConfig(String source, String defaultCluster, List<ClusterConfig> clusters) {

    public HadeckConfig {
        clusters = List.copyOf(clusters);
    }

    public Optional<ClusterConfig> cluster(String name) {
        return clusters.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The cluster named by --cluster, else the one marked default, else the first. */
    public ClusterConfig pick(String requested) {
        String name = requested != null ? requested : defaultCluster;
        if (name == null) {
            return clusters.get(0);
        }
        return cluster(name).orElseThrow(() -> new ConfigException("no cluster named '" + name + "' in " + source
                + " (known: " + String.join(", ", clusters.stream().map(ClusterConfig::name).toList()) + ")"));
    }
}
