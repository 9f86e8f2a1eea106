package io.hadeck.console.session;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.console.condition.Vocabulary;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the operator chose for this invocation: the global options (config file, cluster, theme,
 * read-only, --yes), the configuration they point at (loaded on first use, so `drbd parse` and
 * `help` work without one) and the cluster picked from it.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    /** @param configFile --config or null; clusterName --cluster or null; assumeYes --yes */
    public record Options(String configFile, String clusterName, String theme, boolean readOnly, boolean assumeYes) {
    }

    private Options options;
    private HadeckConfig config;
    private ClusterConfig cluster;
    /** A replayed cluster stays the cluster whatever the command line says. */
    private final boolean pinned;

    Settings(Options options) {
        this.options = options;
        this.pinned = false;
    }

    /** Settings fixed on one cluster (a replay of recorded snapshots). */
    Settings(ClusterConfig cluster) {
        this.options = new Options(null, cluster.name(), null, false, false);
        this.cluster = cluster;
        this.pinned = true;
    }

    public synchronized Options options() {
        return options;
    }

    /** The command line's global options, applied once before the first command runs. */
    public synchronized void configure(Options o) {
        if (config != null && !Objects.equals(o.configFile(), options.configFile())) {
            config = null;
        }
        if (!pinned) {
            cluster = null;
        }
        options = o;
    }

    public synchronized HadeckConfig config() {
        if (config == null) {
            Path file = ConfigLoader.locate(options.configFile());
            config = ConfigLoader.load(file);
            LOG.info("configuration {} loaded", file);
        }
        return config;
    }

    public synchronized ClusterConfig cluster() {
        if (cluster == null) {
            cluster = config().pick(options.clusterName());
        }
        return cluster;
    }

    /** Makes another cluster of the configuration the current one (the console's `:cluster NAME`). */
    synchronized void use(ClusterConfig next) {
        cluster = next;
    }

    /** Node and resource names of the current cluster, or null when there is no usable config. */
    public Vocabulary vocabulary() {
        try {
            return Vocabulary.of(cluster());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Read-only: --read-only, or the cluster is marked readOnly in the config. A config that cannot
     * be read says so (its own error), rather than answering "writable".
     */
    public boolean readOnly() {
        return options().readOnly() || cluster().readOnly();
    }
}
