package io.hadeck.console.tui;

import io.hadeck.config.ClusterConfig;
import io.hadeck.events.EventLog;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster on screen and what the console keeps of it: its source, the newest snapshot (or the
 * one frozen by pause), its events and its lag history. Snapshots arrive on the watcher's thread
 * and only set a reference; switching clusters closes this one and builds the next.
 */
final class ShownCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShownCluster.class);
    static final int EVENT_CAPACITY = 2000;
    static final int LAG_HISTORY = 60;

    /** null when hadeck runs without a configuration file (a replay, a test) */
    final ClusterConfig config;
    final SnapshotSource source;
    final ShownEvents events;
    final LagHistory lagHistory;
    private final AtomicReference<ClusterSnapshot> latest = new AtomicReference<>();
    private final AutoCloseable subscription;
    private ClusterSnapshot frozen;

    /** @param changed called on the watcher's thread for each new snapshot */
    ShownCluster(ClusterConfig config, SnapshotSource source, Runnable changed) {
        this.config = config;
        this.source = source;
        this.lagHistory = LagHistory.of(source.history(), LAG_HISTORY);
        // The session that owns the watcher logs its events; this list is the screen's, so the
        // log file does not get every event twice.
        this.events = new ShownEvents(EventLog.forDisplay(source, EVENT_CAPACITY, config == null ? null : config.thresholds()));
        source.latest().ifPresent(this::record);
        this.subscription = source.subscribe(s -> {
            record(s);
            changed.run();
        });
    }

    private void record(ClusterSnapshot s) {
        lagHistory.record(s);
        latest.set(s);
    }

    /** The snapshot on screen: the newest one, or, while paused, the one shown when the pause began. */
    ClusterSnapshot snapshot(boolean paused) {
        if (!paused || frozen == null) {
            frozen = latest.get();
        }
        return frozen;
    }

    String name() {
        return config == null ? "" : config.name();
    }

    ClusterConfig.Thresholds thresholds() {
        return config == null ? ClusterConfig.Thresholds.defaults() : config.thresholds();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribe failed", e);
        }
        events.close();
    }
}
