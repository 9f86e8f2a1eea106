package io.hadeck.console.tui;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recent replication lag (bytes) per standby, for the sparklines: fed with every snapshot the
 * console receives, seeded from the source's own history when it keeps one.
 */
public final class LagHistory {
    private final int capacity;
    private final Map<String, Deque<Long>> byNode = new HashMap<>();
    private long lastSeq = -1;

    public LagHistory(int capacity) {
        this.capacity = capacity;
    }

    public static LagHistory of(List<ClusterSnapshot> snapshots, int capacity) {
        LagHistory h = new LagHistory(capacity);
        snapshots.forEach(h::record);
        return h;
    }

    public synchronized void record(ClusterSnapshot s) {
        if (s.seq() == lastSeq) {
            return;
        }
        lastSeq = s.seq();
        for (NodeView n : s.nodes()) {
            if (n.postgres() == null) {
                continue;
            }
            PgInstance pg = n.postgres().value();
            if (pg == null || pg.isPrimary()) {
                continue;
            }
            Deque<Long> d = byNode.computeIfAbsent(n.name(), k -> new ArrayDeque<>());
            d.addLast(pg.lagBytes() == null ? 0L : pg.lagBytes());
            if (d.size() > capacity) {
                d.removeFirst();
            }
        }
    }

    /** Oldest first; empty when the node never reported lag. */
    public synchronized List<Long> lag(String node) {
        Deque<Long> d = byNode.get(node);
        return d == null ? List.of() : new ArrayList<>(d);
    }
}
