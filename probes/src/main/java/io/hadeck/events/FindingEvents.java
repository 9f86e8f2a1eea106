package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.Severity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Findings that appeared or went away; a finding is the same one when its code and nodes match. */
final class FindingEvents {
    private FindingEvents() {
    }

    static void detect(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        Map<String, Finding> was = byKey(before);
        Map<String, Finding> now = byKey(after);
        now.forEach((k, f) -> {
            Finding old = was.get(k);
            if (old == null) {
                out.finding(f.severity(), node(f), "finding raised: " + f.code() + " " + f.message() + nodes(f), f.code().name(),
                        Event.FindingChange.RAISED);
            } else if (old.severity() != f.severity()) {
                out.finding(f.severity(), node(f), "finding " + f.code() + " now " + f.severity().word() + ": " + f.message()
                        + nodes(f), f.code().name(), Event.FindingChange.CHANGED);
            }
        });
        was.forEach((k, f) -> {
            if (!now.containsKey(k)) {
                out.finding(Severity.OK, node(f), "finding cleared: " + f.code() + nodes(f), f.code().name(),
                        Event.FindingChange.CLEARED);
            }
        });
    }

    private static Map<String, Finding> byKey(ClusterSnapshot s) {
        Map<String, Finding> m = new LinkedHashMap<>();
        s.findings().forEach(f -> m.putIfAbsent(f.code() + "|" + String.join(",", f.nodes()), f));
        return m;
    }

    private static String node(Finding f) {
        return f.nodes().size() == 1 ? f.nodes().get(0) : null;
    }

    private static String nodes(Finding f) {
        return f.nodes().size() > 1 ? " [" + String.join(", ", f.nodes()) + "]" : "";
    }
}
