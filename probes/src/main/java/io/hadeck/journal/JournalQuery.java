package io.hadeck.journal;

import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.Objects;

/**
 * Which entries to read: a time window, and optionally one cluster, one node, a least severity.
 *
 * @param until   exclusive end, null for "up to now"
 * @param cluster null for every cluster
 * @param node    null for every node (cluster-wide entries are kept when a node is asked for: they
 *                concern it too)
 * @param limit   at most this many entries, the newest ones, returned oldest first
 */
public record JournalQuery(Instant since, Instant until, String cluster, String node, Severity least, int limit) {
    public static final int DEFAULT_LIMIT = 10_000;

    public JournalQuery {
        Objects.requireNonNull(since, "since");
        least = least == null ? Severity.OK : least;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    public static JournalQuery since(Instant since) {
        return new JournalQuery(since, null, null, null, null, DEFAULT_LIMIT);
    }

    public JournalQuery cluster(String name) {
        return new JournalQuery(since, until, name, node, least, limit);
    }

    public JournalQuery until(Instant end) {
        return new JournalQuery(since, end, cluster, node, least, limit);
    }

    public JournalQuery node(String name) {
        return new JournalQuery(since, until, cluster, name, least, limit);
    }

    public JournalQuery least(Severity s) {
        return new JournalQuery(since, until, cluster, node, s, limit);
    }

    public JournalQuery limit(int max) {
        return new JournalQuery(since, until, cluster, node, least, max);
    }
}
