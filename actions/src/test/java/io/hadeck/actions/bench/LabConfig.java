package io.hadeck.actions.bench;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;

import java.nio.file.Path;

/**
 * The lab's cluster as the lab wrote it to {@code $LAB_DIR/hadeck.yaml} (endpoints, secrets,
 * {@code patroni.configPath}, {@code audit.path}), for the benchmark and the ITs: the config file
 * is the one source, so nothing here can drift from what the console reads.
 */
public final class LabConfig {
    private LabConfig() {
    }

    /** @param net unused since the config names the addresses; kept for callers */
    public static ClusterConfig of(String net, Path labDir) {
        return ConfigLoader.load(labDir.resolve("hadeck.yaml")).pick("lab");
    }
}
