package io.hadeck.fleet;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.threads.Threads;
import io.hadeck.config.ClusterConfig;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Every configured cluster read once, all at the same time (the wall time is about the slowest
 * cluster's), summed up one row each, worst first.
 */
public final class Fleet {
    private Fleet() {
    }

    /**
     * @param lastChange the journal's newest entry per cluster name, null when unknown
     */
    public static List<FleetRow> read(List<ClusterConfig> clusters, Function<String, Instant> lastChange) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(clusters.size(), 8)),
                Threads.numbered("hadeck-fleet"));
        try {
            List<CompletableFuture<FleetRow>> rows = new ArrayList<>();
            for (ClusterConfig c : clusters) {
                rows.add(CompletableFuture.supplyAsync(() -> row(c, lastChange), pool));
            }
            return rows.stream().map(CompletableFuture::join).sorted(FleetRow.WORST_FIRST).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    static FleetRow row(ClusterConfig c, Function<String, Instant> lastChange) {
        ClusterConfig.Timeouts t = c.timeouts();
        Duration budget = t.connect().plus(t.read()).plusSeconds(1);
        ClusterSnapshot s = OneShotSweep.SYSTEM.read(c, budget);
        s = s.withFindings(FindingsEngine.derive(s, c.thresholds()));
        return FleetRow.of(kind(c), s, lastChange.apply(c.name()));
    }

    /** patroni, chef-backend, drbd pair, or the layers a cluster without an HA manager has. */
    static String kind(ClusterConfig c) {
        if (!"none".equals(c.manager())) {
            return c.manager();
        }
        if (c.nodes().stream().anyMatch(n -> !n.drbdResources().isEmpty())) {
            return "drbd pair";
        }
        if (c.nodes().stream().anyMatch(n -> n.elasticsearch() != null)) {
            return "elasticsearch";
        }
        return c.nodes().stream().anyMatch(n -> n.etcd() != null) ? "etcd" : "nodes";
    }
}
