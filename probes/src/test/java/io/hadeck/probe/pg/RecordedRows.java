package io.hadeck.probe.pg;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.model.PgInstance;
import io.hadeck.probe.Recorded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rows of {@link PgQueries} recorded from the lab's PostgreSQL 15 as hadeck_monitor (one JSON object
 * per read: status, replication, walReceiver, slots), for the mapper and for tests across packages.
 */
public final class RecordedRows {
    private RecordedRows() {
    }

    public static PgRows rows(String recorded) {
        JsonNode j = Recorded.json(recorded);
        return new PgRows(row(j.get("status")), list(j.get("replication")), list(j.get("walReceiver")), list(j.get("slots")));
    }

    /** The recorded read with some status columns changed (a situation the recording is one step from). */
    public static PgRows rows(String recorded, Consumer<Map<String, String>> status) {
        PgRows r = rows(recorded);
        Map<String, String> s = new HashMap<>(r.status());
        status.accept(s);
        return new PgRows(s, r.replication(), r.walReceiver(), r.slots());
    }

    public static PgInstance instance(String recorded) {
        return PgMapping.instance(rows(recorded));
    }

    private static Map<String, String> row(JsonNode n) {
        Map<String, String> m = new HashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return m;
    }

    private static List<Map<String, String>> list(JsonNode n) {
        List<Map<String, String>> out = new ArrayList<>();
        n.forEach(r -> out.add(row(r)));
        return out;
    }
}
