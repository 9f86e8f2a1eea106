package io.hadeck.watch;

import io.hadeck.model.ClusterSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a watcher has published: the latest snapshot, the recent ones (bounded, for sparklines and
 * replay), who is told of each new one, and whether every source has answered once.
 */
final class PublishedSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedSnapshots.class);

    private final int capacity;
    private final List<Consumer<ClusterSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<ClusterSnapshot> history = new ArrayDeque<>();
    private final Object firstFull = new Object();
    private volatile ClusterSnapshot latest;
    private volatile boolean full;

    PublishedSnapshots(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Builds the next snapshot and keeps it, one at a time (so sequence numbers and history agree),
     * then tells every listener; a failing listener does not stop the others.
     */
    ClusterSnapshot add(Supplier<ClusterSnapshot> next) {
        ClusterSnapshot s;
        synchronized (history) {
            s = next.get();
            history.addLast(s);
            while (history.size() > capacity) {
                history.removeFirst();
            }
            latest = s;
        }
        for (Consumer<ClusterSnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("snapshot listener failed: {}", e.toString());
            }
        }
        return s;
    }

    /** Every source has answered (or timed out) once: wakes whoever awaits the first full snapshot. */
    void everySourceRead() {
        if (!full) {
            synchronized (firstFull) {
                full = true;
                firstFull.notifyAll();
            }
        }
    }

    /** Blocks until every source was read once or {@code timeout} passed; the latest snapshot then, if any. */
    Optional<ClusterSnapshot> awaitEverySourceRead(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (firstFull) {
            while (!full) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                firstFull.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        return latest();
    }

    Optional<ClusterSnapshot> latest() {
        return Optional.ofNullable(latest);
    }

    AutoCloseable subscribe(Consumer<ClusterSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    List<ClusterSnapshot> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
