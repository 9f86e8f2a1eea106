package io.hadeck.config;

import java.util.List;
import java.util.Optional;

/**
 * The whole configuration file: several clusters, like kubectl contexts, and which one is default;
 * the operator host's journal and the hooks run on findings.
 */
public record HadeckConfig(String source, String defaultCluster, List<ClusterConfig> clusters, JournalSettings journal,
                           List<HookConfig> hooks) {

    public HadeckConfig {
        clusters = List.copyOf(clusters);
        journal = journal == null ? JournalSettings.defaults() : journal;
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
    }

    public HadeckConfig(String source, String defaultCluster, List<ClusterConfig> clusters) {
        this(source, defaultCluster, clusters, null, null);
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
