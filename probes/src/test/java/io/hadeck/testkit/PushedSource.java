package io.hadeck.testkit;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A snapshot source a test pushes snapshots into, as a watcher would publish them; thread-safe, so a
 * console loop on another thread can subscribe. Counts refreshNow() calls (the console's `r` key).
 */
public final class PushedSource implements SnapshotSource {
    private final List<Consumer<ClusterSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private volatile ClusterSnapshot latest;
    private volatile int refreshes;

    public void push(ClusterSnapshot s) {
        latest = s;
        listeners.forEach(l -> l.accept(s));
    }

    /** How many subscribers are listening now (a closed view must have unsubscribed). */
    public int listenerCount() {
        return listeners.size();
    }

    public int refreshes() {
        return refreshes;
    }

    @Override
    public Optional<ClusterSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void refreshNow() {
        refreshes++;
    }
}
