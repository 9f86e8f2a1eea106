package io.hadeck.actions.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between the plan an operator confirmed and the plan read again just before the
 * first step: roles, leader, connection state, a check that now fails, other steps or targets, data
 * that can now be lost. Amounts (out-of-sync KiB, lag bytes, LSNs) move all the time and count only
 * when they turn a check from pass to fail, so a live cluster does not stop every action.
 */
public final class PlanChanges {
    private PlanChanges() {
    }

    public static List<String> between(Plan before, Plan after) {
        List<String> out = new ArrayList<>();
        Map<String, Check> old = byName(before.preflight());
        Map<String, Check> now = byName(after.preflight());
        for (Map.Entry<String, Check> e : now.entrySet()) {
            Check was = old.get(e.getKey());
            Check is = e.getValue();
            if (was == null) {
                out.add(is.name() + ": new check, now " + is.current() + (is.pass() ? "" : " (fails: " + is.reason() + ")"));
            } else if (was.pass() != is.pass()) {
                out.add(is.name() + ": " + (is.pass() ? "now passes" : "now fails: " + is.reason()) + " (was " + was.current()
                        + ", now " + is.current() + ")");
            } else if (!masked(was.current()).equals(masked(is.current()))) {
                out.add(is.name() + ": was " + was.current() + ", now " + is.current());
            }
        }
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> out.add(k + ": no longer checked"));
        List<String> a = calls(before);
        List<String> b = calls(after);
        if (!a.equals(b)) {
            out.add("the steps changed: was [" + String.join(" | ", a) + "], now [" + String.join(" | ", b) + "]");
        }
        if (before.canLoseData() != after.canLoseData()) {
            out.add(after.canLoseData() ? "the plan can now lose data: " + after.dataLoss() : "the plan no longer loses data");
        }
        if (!Objects.equals(before.confirmWord(), after.confirmWord())) {
            out.add("the target changed: was " + before.confirmWord() + ", now " + after.confirmWord());
        }
        return out;
    }

    private static Map<String, Check> byName(List<Check> checks) {
        Map<String, Check> m = new LinkedHashMap<>();
        checks.forEach(c -> m.putIfAbsent(c.name(), c));
        return m;
    }

    private static List<String> calls(Plan p) {
        return p.steps().stream().map(s -> s.title() + ": " + s.call().description()).toList();
    }

    /**
     * Amounts blanked — sizes, durations, percentages, LSNs — so "drbd-a: Primary, StandAlone, 4 MiB
     * out of sync" keeps its words; names and timelines ("node-3", "timeline 5") are kept.
     */
    static String masked(String s) {
        return s == null ? "" : s.replaceAll("\\b[0-9A-Fa-f]+/[0-9A-Fa-f]+\\b", "#")
                .replaceAll("\\b\\d+([.,]\\d+)?\\s?(B|KiB|MiB|GiB|TiB|PiB|kB|MB|GB|ms|s|min|h|%)(?![\\w-])", "#");
    }
}
