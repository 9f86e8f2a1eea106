package io.hadeck.console.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hadeck.console.output.Json;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Symbols;
import io.hadeck.journal.JournalEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** How a journal entry is written for people (one line) and for machines (one JSON object). */
public final class JournalViews {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private JournalViews() {
    }

    public static Map<String, Object> json(JournalEntry e) {
        return Obj.of().put("at", ModelJson.time(e.at())).put("cluster", e.cluster()).put("source", e.source().word())
                .put("severity", ModelJson.lower(e.severity())).put("node", e.node()).put("code", e.code())
                .put("change", e.change() == null ? null : e.change().word()).put("text", e.text())
                .put("detail", detail(e.detail())).map();
    }

    public static List<Object> json(List<JournalEntry> entries) {
        return entries.stream().map(e -> (Object) json(e)).toList();
    }

    /** The detail as JSON (an audit record, a history entry), never as a string of JSON. */
    private static Object detail(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(detail, Object.class);
        } catch (JsonProcessingException e) {
            return detail;
        }
    }

    /** "2026-12-01 04:21:05Z ✗ lab     patroni  node-1: text"; the cluster column only when several show. */
    public static String line(JournalEntry e, Symbols style, boolean withCluster) {
        return TIME.format(e.at()) + " " + style.symbol(e.severity()) + " "
                + (withCluster ? String.format("%-12s ", e.cluster()) : "")
                + String.format("%-7s ", e.source().word()) + e.sentence();
    }

    public static String time(java.time.Instant at) {
        return TIME.format(at);
    }
}
