package io.hadeck.console.tui;

import io.hadeck.events.Event;
import io.hadeck.events.EventLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the event pane shows for the cluster on screen: this session's events and, as the operator
 * scrolls back past them, older pages from the journal (oldest first). One per shown cluster: a page
 * that arrives after a switch lands in the list no one shows any more.
 */
final class ShownEvents implements AutoCloseable {
    static final int PAGE = 200;

    private final EventLog mine;
    private List<Event> older = List.of();
    private boolean exhausted;
    private final AtomicBoolean reading = new AtomicBoolean();

    ShownEvents(EventLog mine) {
        this.mine = mine;
    }

    /** The journal's older events, then this session's. */
    List<Event> all() {
        List<Event> now = mine.events();
        if (older.isEmpty()) {
            return now;
        }
        List<Event> all = new ArrayList<>(older);
        all.addAll(now);
        return all;
    }

    /**
     * Scrolled {@code scroll} lines back: the time before which the next older page is to be read, when
     * the operator is near the top of what is loaded, the journal may hold more and no page is on its way.
     */
    Optional<Instant> nextPageBefore(int scroll, Instant now) {
        List<Event> all = all();
        if (exhausted || scroll < all.size() - PAGE / 4 || !reading.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.of(all.isEmpty() ? now : all.get(0).at());
    }

    /** A page read from the journal joins the top of the list; returns what to tell the operator. */
    String add(List<Event> page) {
        reading.set(false);
        if (page.isEmpty()) {
            exhausted = true;
            return "nothing older in the journal";
        }
        List<Event> merged = new ArrayList<>(page);
        merged.addAll(older);
        older = List.copyOf(merged);
        return page.size() + " older events from the journal";
    }

    @Override
    public void close() {
        mine.close();
    }
}
