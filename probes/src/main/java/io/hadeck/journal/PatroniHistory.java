package io.hadeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.Severity;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Patroni's own memory: {@code GET /history} (the same list as its {@code history} key) holds one
 * entry per timeline switch: {@code [timeline, lsn, reason, timestamp, new_leader]}. Each becomes a
 * journal entry keyed by its timeline, so every process that reads the history adds it once.
 */
public final class PatroniHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatroniHistory() {
    }

    /** The entries of a history document; entries without a usable timestamp are left out. */
    public static List<JournalEntry> parse(String cluster, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return List.of();
        }
        List<JournalEntry> out = new ArrayList<>();
        if (root == null || !root.isArray()) {
            return out;
        }
        for (JsonNode h : root) {
            if (!h.isArray() || h.size() < 4) {
                continue;
            }
            Instant at = time(h.get(3).asText());
            if (at == null) {
                continue;
            }
            long timeline = h.get(0).asLong();
            String reason = h.get(2).asText();
            String leader = h.size() > 4 && !h.get(4).isNull() ? h.get(4).asText() : null;
            String text = "timeline " + timeline + " ended at LSN " + h.get(1).asText()
                    + (leader == null ? "" : ", new leader " + leader) + ": " + reason;
            out.add(new JournalEntry(at, cluster, JournalEntry.Source.PATRONI, Severity.INFO, leader, null, null, text,
                    h.toString(), "timeline " + timeline));
        }
        return out;
    }

    private static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Patroni writes a local time with an offset; older ones wrote none: take it as UTC
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
