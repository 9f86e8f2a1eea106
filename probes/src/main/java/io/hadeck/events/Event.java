package io.hadeck.events;

import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change an operator should notice, in one sentence.
 *
 * @param node    the node it happened on, null for cluster-wide events
 * @param code    the finding's code when this is a finding that was raised, changed or cleared, else null
 * @param finding what happened to that finding, null for other events: journal, hooks and incident
 *                durations key on these two instead of parsing the sentence
 */
public record Event(Instant at, Severity severity, String node, String text, String code, FindingChange finding) {
    public Event {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    public Event(Instant at, Severity severity, String node, String text) {
        this(at, severity, node, text, null, null);
    }

    /** What a finding did between two snapshots. */
    public enum FindingChange {
        RAISED, CHANGED, CLEARED;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** "node-1: text" or just the text for cluster-wide events: the form the log file shows. */
    public String sentence() {
        return node == null ? text : node + ": " + text;
    }
}
