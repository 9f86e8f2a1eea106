package io.hadeck.events;

import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change an operator should notice, in one sentence.
 *
 * @param node the node it happened on, null for cluster-wide events
 */
public record Event(Instant at, Severity severity, String node, String text) {
    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** "node-1: text" or just the text for cluster-wide events: the form the log file shows. */
    public String sentence() {
        return node == null ? text : node + ": " + text;
    }
}
