package io.hadeck.actions.runbook;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.model.ClusterSnapshot;

/**
 * A new snapshot read now, never a cached one: plans and verifications must see the cluster as it
 * is. The console wires this to {@code OneShotSweep.SYSTEM.read(cluster, timeout)}.
 */
@FunctionalInterface
public interface FreshReadings {
    ClusterSnapshot read();
}
