package io.hadeck.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Brings the audit log's JSON lines into the journal. The audit log stays the fsynced record of
 * record that actions write before going on; the journal imports from it (any process, any time,
 * each line once), so an action run by a hadeck without a journal still shows up in the timeline.
 */
public final class AuditImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditImport() {
    }

    public static int into(Journal journal, Path auditLog) {
        return journal.importLines(auditLog, AuditImport::entry);
    }

    /** One audit line as a journal entry; null for a line that is not an audit record. */
    static JournalEntry entry(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject() || !n.hasNonNull("time") || !n.hasNonNull("cluster") || !n.hasNonNull("action")) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(n.get("time").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
        String action = n.get("action").asText();
        String step = text(n, "step");
        String result = text(n, "result");
        String detail = text(n, "detail");
        String user = text(n, "user");
        StringBuilder s = new StringBuilder(action);
        if (step != null) {
            s.append(' ').append(step);
        }
        if (result != null) {
            s.append(": ").append(result);
        }
        if (detail != null && !detail.isBlank()) {
            s.append(" — ").append(detail);
        }
        String reason = text(n, "reason");
        if (reason != null && !reason.isBlank()) {
            s.append(" — reason: ").append(reason);
        }
        if (user != null) {
            s.append(" (").append(user).append(text(n, "host") == null ? "" : "@" + text(n, "host")).append(')');
        }
        return new JournalEntry(at, n.get("cluster").asText(), JournalEntry.Source.AUDIT, severity(result),
                text(n, "target"), action, null, s.toString(), n.toString(), null);
    }

    private static Severity severity(String result) {
        if (result == null) {
            return Severity.INFO;
        }
        return switch (result) {
            case "failed" -> Severity.CRIT;
            case "refused", "not-confirmed" -> Severity.WARN;
            default -> Severity.INFO;
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
