package io.hadeck.model;

import java.util.Set;

/**
 * How far the reads have got: {@code answered} of {@code total} sources have answered at least
 * once, which node layers ("node-1/PG") are still waiting for their first answer, and which are
 * late: their newest reading is older than their source's detection window (its poll interval
 * + 1 s) because the next read has not landed (a slow ssh login, a node that does not answer yet).
 * A console draws the config's nodes at once and says "reading…" where nothing has answered yet,
 * and shows a late layer as stale rather than as the current truth.
 *
 * @param lateLayers node layers ("drbd-a/DRBD") and cluster-wide readings ({@link #cluster}("etcd"))
 */
public record ReadProgress(int answered, int total, Set<String> pendingLayers, Set<String> lateLayers) {

    /** Nothing tracked or everything answered (one-shot reads, recorded snapshots). */
    public static final ReadProgress COMPLETE = new ReadProgress(0, 0, Set.of());

    public ReadProgress {
        pendingLayers = Set.copyOf(pendingLayers);
        lateLayers = Set.copyOf(lateLayers);
    }

    public ReadProgress(int answered, int total, Set<String> pendingLayers) {
        this(answered, total, pendingLayers, Set.of());
    }

    public ReadProgress withLate(Set<String> late) {
        return new ReadProgress(answered, total, pendingLayers, late);
    }

    /** True while the newest reading of {@code layer} on {@code node} is older than its detection window. */
    public boolean late(String node, String layer) {
        return lateLayers.contains(key(node, layer));
    }

    /** The key of a cluster-wide reading ("etcd", "ES", "HA") in {@link #lateLayers}. */
    public static String cluster(String layer) {
        return key("", layer);
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
