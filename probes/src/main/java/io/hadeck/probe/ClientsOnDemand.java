package io.hadeck.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A reader's clients, one per key (node, endpoint), each built on first use so a fleet builds
 * only those it asks; closed together. One built while the reader is closing is closed at once
 * rather than left with its threads running.
 */
public final class ClientsOnDemand<C extends AutoCloseable> implements AutoCloseable {

    private final Map<String, C> clients = new ConcurrentHashMap<>();
    private final Function<String, C> build;
    private volatile boolean closed;

    public ClientsOnDemand(Function<String, C> build) {
        this.build = build;
    }

    public C get(String key) {
        if (closed) {
            throw new ProbeException("closed");
        }
        C c = clients.computeIfAbsent(key, build);
        if (closed) {
            close();
            throw new ProbeException("closed");
        }
        return c;
    }

    /** Closes and forgets one client: the next {@link #get} builds a new one. */
    public void discard(String key) {
        C c = clients.remove(key);
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a broken client is being thrown away
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing: nothing left to read
            }
        });
    }
}
