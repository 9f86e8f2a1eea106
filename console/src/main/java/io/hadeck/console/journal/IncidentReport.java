package io.hadeck.console.journal;

import io.hadeck.units.Durations;
import io.hadeck.console.output.Obj;
import io.hadeck.events.Event;
import io.hadeck.journal.Incident;
import io.hadeck.journal.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident window written for a review: Markdown for people (summary, timeline across layers,
 * actions with their confirmations, findings raised and cleared) and the same as JSON for tools.
 * Pure: text in, text out.
 */
public final class IncidentReport {
    private IncidentReport() {
    }

    /** One finding from raised to cleared (cleared null while still open at the window's end). */
    public record FindingSpan(String cluster, String code, String node, String severity, Instant raised, Instant cleared) {
        Duration lasted(Instant end) {
            return Duration.between(raised, cleared == null ? end : cleared);
        }
    }

    public static String markdown(String title, Incident i) {
        StringBuilder md = new StringBuilder();
        md.append("# Incident: ").append(title).append("\n\n");
        md.append("Window: ").append(JournalViews.time(i.from())).append(" → ").append(JournalViews.time(i.to()))
                .append(" (").append(Durations.compact(Duration.between(i.from(), i.to()))).append(")\n\n");
        md.append("## Summary\n\n");
        md.append("- Time without a writable primary: ").append(span(i.noWritablePrimary())).append('\n');
        md.append("- Time in split-brain: ").append(span(i.splitBrain())).append('\n');
        md.append("- Time to recover: ").append(i.toRecover() != null ? Durations.compact(i.toRecover())
                : i.stillOpen().isEmpty() ? "nothing to recover from in this window"
                : "not recovered: still open at the end: " + String.join(", ", i.stillOpen())).append('\n');
        long raised = i.findings().stream().filter(e -> e.change() == Event.FindingChange.RAISED).count();
        long cleared = i.findings().stream().filter(e -> e.change() == Event.FindingChange.CLEARED).count();
        md.append("- Findings raised: ").append(raised).append(", cleared: ").append(cleared).append('\n');
        md.append("- Actions (audit records): ").append(i.actions().size()).append("\n\n");
        md.append("## Timeline\n\n");
        if (i.entries().isEmpty()) {
            md.append("Nothing in the journal for this window.\n\n");
        } else {
            md.append("| time (UTC) | cluster | source | severity | node | what |\n|---|---|---|---|---|---|\n");
            i.entries().forEach(e -> md.append("| ").append(JournalViews.time(e.at())).append(" | ").append(e.cluster())
                    .append(" | ").append(e.source().word()).append(" | ").append(e.severity().word()).append(" | ")
                    .append(e.node() == null ? "" : cell(e.node())).append(" | ").append(cell(e.text())).append(" |\n"));
            md.append('\n');
        }
        md.append("## Actions taken\n\n");
        if (i.actions().isEmpty()) {
            md.append("No action was run through hadeck in this window.\n\n");
        } else {
            i.actions().forEach(e -> md.append("- ").append(JournalViews.time(e.at())).append(" **").append(cell(e.cluster()))
                    .append("** ").append(cell(e.text())).append('\n'));
            md.append('\n');
        }
        md.append("## Findings raised and cleared\n\n");
        List<FindingSpan> spans = spans(i);
        if (spans.isEmpty()) {
            md.append("No finding was raised or cleared in this window.\n");
        } else {
            md.append("| code | cluster | node | severity | raised | cleared | for |\n|---|---|---|---|---|---|---|\n");
            spans.forEach(s -> md.append("| ").append(s.code()).append(" | ").append(s.cluster()).append(" | ")
                    .append(s.node() == null ? "" : s.node()).append(" | ").append(s.severity()).append(" | ")
                    .append(s.raised() == null ? "before the window" : JournalViews.time(s.raised())).append(" | ")
                    .append(s.cleared() == null ? "still open" : JournalViews.time(s.cleared())).append(" | ")
                    .append(s.raised() == null ? "" : Durations.compact(s.lasted(i.to()))).append(" |\n"));
        }
        return md.toString();
    }

    public static Map<String, Object> json(String title, Incident i) {
        List<Object> spans = new ArrayList<>();
        spans(i).forEach(s -> spans.add(Obj.of().put("cluster", s.cluster()).put("code", s.code()).put("node", s.node())
                .put("severity", s.severity()).put("raised", s.raised() == null ? null : s.raised().toString())
                .put("cleared", s.cleared() == null ? null : s.cleared().toString())
                .put("seconds", s.raised() == null ? null : s.lasted(i.to()).toMillis() / 1000.0).map()));
        return Obj.of().put("title", title).put("from", i.from().toString()).put("to", i.to().toString())
                .put("durations", Obj.of()
                        .put("noWritablePrimarySeconds", i.noWritablePrimary().toMillis() / 1000.0)
                        .put("splitBrainSeconds", i.splitBrain().toMillis() / 1000.0)
                        .put("toRecoverSeconds", i.toRecover() == null ? null : i.toRecover().toMillis() / 1000.0)
                        .put("stillOpen", i.stillOpen()).map())
                .put("actions", JournalViews.json(i.actions()))
                .put("findings", spans)
                .put("timeline", JournalViews.json(i.entries())).map();
    }

    /**
     * Raised/cleared pairs in the order they were raised. Two watchers journal the same transition
     * twice: a "raised" of an open finding, or a "cleared" of one already cleared, adds nothing.
     */
    static List<FindingSpan> spans(Incident i) {
        List<FindingSpan> out = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JournalEntry e : i.findings()) {
            String key = e.cluster() + "|" + e.code() + "|" + e.node();
            boolean firstSight = seen.add(key);
            switch (e.change()) {
                case RAISED -> {
                    if (!open.containsKey(key)) {
                        open.put(key, out.size());
                        out.add(new FindingSpan(e.cluster(), e.code(), e.node(), e.severity().word(), e.at(), null));
                    }
                }
                case CHANGED -> {
                    if (!open.containsKey(key)) {
                        open.put(key, out.size());
                        out.add(new FindingSpan(e.cluster(), e.code(), e.node(), e.severity().word(), null, null));
                    }
                }
                case CLEARED -> {
                    Integer at = open.remove(key);
                    if (at == null && firstSight) {
                        out.add(new FindingSpan(e.cluster(), e.code(), e.node(), "", null, e.at()));
                    } else if (at != null) {
                        FindingSpan s = out.get(at);
                        out.set(at, new FindingSpan(s.cluster(), s.code(), s.node(), s.severity(), s.raised(), e.at()));
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return out;
    }

    private static String span(Duration d) {
        return d.isZero() ? "none" : Durations.compact(d);
    }

    /** A Markdown table cell: no pipes or line breaks from the text may break the table. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
