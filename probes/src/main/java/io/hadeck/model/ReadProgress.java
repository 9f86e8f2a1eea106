package io.hadeck.model;

import java.util.Set;

/**
 * How far the first round of reads has got: {@code answered} of {@code total} sources have answered
 * at least once, and which node layers ("node-1/PG") are still waiting for theirs. A console draws
 * the config's nodes at once and says "reading…" where nothing has answered yet, instead of
 * waiting for the slowest reader before its first frame.
 */
public record ReadProgress(int answered, int total, Set<String> pendingLayers) {

    /** Nothing tracked or everything answered (one-shot reads, recorded snapshots). */
    public static final ReadProgress COMPLETE = new ReadProgress(0, 0, Set.of());

    public ReadProgress {
        pendingLayers = Set.copyOf(pendingLayers);
    }

    public boolean complete() {
        return answered >= total;
    }

    /** True while the source of {@code layer} (HA, PG, etcd, ES, DRBD) on {@code node} has not answered yet. */
    public boolean pending(String node, String layer) {
        return pendingLayers.contains(key(node, layer));
    }

    /** True while any layer of {@code node} is waiting for its source. */
    public boolean pendingOn(String node) {
        String prefix = node + "/";
        return pendingLayers.stream().anyMatch(k -> k.startsWith(prefix));
    }

    public static String key(String node, String layer) {
        return node + "/" + layer;
    }
}
