package io.hadeck.probe.pg;

import java.util.List;
import java.util.Map;

/** The text rows of one PostgreSQL read, by query: what the mapper turns into a PgInstance. */
public record PgRows(Map<String, String> status, List<Map<String, String>> replication,
                     List<Map<String, String>> walReceiver, List<Map<String, String>> slots) {
    public PgRows {
        replication = List.copyOf(replication);
        walReceiver = List.copyOf(walReceiver);
        slots = List.copyOf(slots);
    }
}
