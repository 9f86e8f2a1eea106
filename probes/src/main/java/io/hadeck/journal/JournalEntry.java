package io.hadeck.journal;

import io.hadeck.events.Event;
import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the journal: something hadeck saw, something an operator did, or something a cluster
 * remembers about itself, stamped with when it happened.
 *
 * @param source  who said it (see {@link Source})
 * @param node    the node concerned, null when cluster-wide
 * @param code    the finding code for finding transitions, the action for audit records, else null
 * @param change  raised/changed/cleared for finding transitions, else null
 * @param detail  a JSON object with the source's own fields (an audit record, a history entry), or null
 * @param ref     what makes an imported entry unique within its cluster and source (a Patroni timeline,
 *                a kernel-log line), so that several importers of the same history add it once; null
 *                for events, which are never deduplicated
 */
public record JournalEntry(Instant at, String cluster, Source source, Severity severity, String node, String code,
                           Event.FindingChange change, String text, String detail, String ref) {

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** Where an entry came from: hadeck's own eyes, the audit log, or a layer's own memory. */
    public enum Source {
        /** an event or finding transition a hadeck process observed */
        HADECK,
        /** an audit record: an action planned, confirmed, refused, run */
        AUDIT,
        /** Patroni's history: the timeline switches it recorded, with their reasons */
        PATRONI,
        /** a DRBD line from a node's kernel log */
        DRBD;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Source of(String word) {
            return valueOf(word.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static JournalEntry of(String cluster, Event e) {
        return new JournalEntry(e.at(), cluster, Source.HADECK, e.severity(), e.node(), e.code(), e.finding(), e.text(),
                null, null);
    }

    /** "node-1: text" or just the text: the same sentence the event pane shows. */
    public String sentence() {
        return node == null ? text : node + ": " + text;
    }
}
