package io.hadeck.events;

import io.hadeck.config.ClusterConfig.Thresholds;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.SnapshotSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The running list of events for one cluster: subscribes to a snapshot source, compares each new
 * snapshot with the previous one, keeps the newest {@code capacity} events and writes each one to
 * the log file (logger {@code hadeck.events}) so the history outlives the screen.
 */
public final class EventLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("hadeck.events");

    private final int capacity;
    private final Thresholds thresholds;
    private final Deque<Event> events = new ArrayDeque<>();
    private final AutoCloseable subscription;
    private final boolean logged;
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ClusterSnapshot previous;
    private long added;

    public EventLog(SnapshotSource source, int capacity, Thresholds thresholds) {
        this(source, capacity, thresholds, true);
    }

    /**
     * A second list over a source whose events another EventLog already writes to the log file
     * (the console beside the session's own): keeps its own, longer history for the screen
     * without writing every line twice.
     */
    public static EventLog forDisplay(SnapshotSource source, int capacity, Thresholds thresholds) {
        return new EventLog(source, capacity, thresholds, false);
    }

    private EventLog(SnapshotSource source, int capacity, Thresholds thresholds, boolean logged) {
        this.logged = logged;
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.thresholds = thresholds == null ? Thresholds.defaults() : thresholds;
        this.subscription = source.subscribe(this::accept);
    }

    /** Called on the watcher's thread for each snapshot; also usable directly to replay a recording. */
    public void accept(ClusterSnapshot snapshot) {
        List<Event> found;
        synchronized (this) {
            found = EventDetector.between(previous, snapshot, thresholds);
            previous = snapshot;
            for (Event e : found) {
                events.addLast(e);
                added++;
                if (events.size() > capacity) {
                    events.removeFirst();
                }
            }
        }
        if (logged) {
            for (Event e : found) {
                log(snapshot.cluster(), e);
            }
        }
        for (Listener l : listeners) {
            try {
                l.seen(snapshot, found);
            } catch (RuntimeException e) {
                LOG.warn("an event listener failed: {}", e.toString());
            }
        }
    }

    /**
     * Called on the watcher's thread after each snapshot with the events it brought (often none):
     * the journal and the hooks hear exactly what the screen shows. A listener must not block.
     */
    @FunctionalInterface
    public interface Listener {
        void seen(ClusterSnapshot snapshot, List<Event> events);
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    private static void log(String cluster, Event e) {
        String line = "[" + cluster + "] " + e.severity().word() + " " + e.sentence();
        switch (e.severity()) {
            case CRIT -> LOG.error(line);
            case WARN -> LOG.warn(line);
            default -> LOG.info(line);
        }
    }

    /** Oldest first. */
    public synchronized List<Event> events() {
        return new ArrayList<>(events);
    }

    /** How many events were ever added: lets a view notice new ones without comparing lists. */
    public synchronized long added() {
        return added;
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("unsubscribing the event log failed", e);
        }
    }
}
