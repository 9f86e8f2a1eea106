package io.hadeck.events;

import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects the events of one before→after comparison; every rule class writes into one of these. */
final class Transitions {
    private final Instant at;
    private final List<Event> events = new ArrayList<>();

    Transitions(Instant at) {
        this.at = at;
    }

    void add(Severity severity, String node, String text) {
        events.add(new Event(at, severity, node, text));
    }

    void finding(Severity severity, String node, String text, String code, Event.FindingChange change) {
        events.add(new Event(at, severity, node, text, code, change));
    }

    /** Adds an event only when the value changed; both sides must be known (non-null). */
    <T> boolean changed(T before, T after) {
        return before != null && after != null && !Objects.equals(before, after);
    }

    List<Event> events() {
        return List.copyOf(events);
    }
}
