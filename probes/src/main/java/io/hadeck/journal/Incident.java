package io.hadeck.journal;

import io.hadeck.events.Event;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an incident window of the journal adds up to: the entries in order, the actions taken, the
 * findings raised and cleared, and the durations an incident review asks for first. A finding raised
 * before the window and cleared in it counts from the window's start; one still open counts to its end.
 * Several hadeck processes watching at once each journal the same transition: a repeated "raised"
 * or "cleared" of a finding already in that state changes nothing.
 *
 * @param noWritablePrimary time with PG_NO_PRIMARY (or the leader key missing) raised
 * @param splitBrain        time with two writable primaries or a DRBD split-brain raised
 * @param toRecover         from the first warn-or-worse finding raised to the moment none was left,
 *                          null when the window ends with one still open (not recovered yet)
 */
public record Incident(Instant from, Instant to, List<JournalEntry> entries, List<JournalEntry> actions,
                       List<JournalEntry> findings, Duration noWritablePrimary, Duration splitBrain,
                       Duration toRecover, List<String> stillOpen) {

    static final Set<String> NO_PRIMARY = names(FindingCode.PG_NO_PRIMARY, FindingCode.LEADER_KEY_MISSING);
    static final Set<String> SPLIT_BRAIN = names(FindingCode.PG_TWO_PRIMARIES, FindingCode.DRBD_SPLIT_BRAIN,
            FindingCode.DRBD_BOTH_PRIMARY);

    /** The journal keeps a finding's code as its word. */
    private static Set<String> names(FindingCode... codes) {
        return java.util.Arrays.stream(codes).map(FindingCode::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Incident {
        entries = List.copyOf(entries);
        actions = List.copyOf(actions);
        findings = List.copyOf(findings);
        stillOpen = List.copyOf(stillOpen);
    }

    /** Sums up {@code entries} (oldest first) of the window [from, to). */
    public static Incident of(Instant from, Instant to, List<JournalEntry> entries) {
        List<JournalEntry> actions = entries.stream().filter(e -> e.source() == JournalEntry.Source.AUDIT).toList();
        List<JournalEntry> findings = entries.stream().filter(e -> e.change() != null).toList();
        Spans noPrimary = new Spans(NO_PRIMARY);
        Spans split = new Spans(SPLIT_BRAIN);
        Map<String, Severity> open = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Instant firstBad = null;
        Instant recovered = null;
        for (JournalEntry e : findings) {
            String key = e.cluster() + "|" + e.code() + "|" + e.node();
            noPrimary.see(e, from);
            split.see(e, from);
            boolean firstSight = seen.add(key);
            boolean closed = false;
            if (e.change() == Event.FindingChange.CLEARED) {
                Severity was = open.remove(key);
                closed = was != null;
                if (was == null && firstSight) {
                    // raised before the window: it was open from the start
                    firstBad = firstBad == null ? from : firstBad;
                    closed = true;
                }
            } else if (e.severity().atLeast(Severity.WARN)) {
                open.put(key, e.severity());
                firstBad = firstBad == null ? e.at() : firstBad;
            } else {
                closed = open.remove(key) != null;
            }
            if (closed && open.isEmpty()) {
                recovered = e.at();
            }
        }
        Duration toRecover = firstBad == null || !open.isEmpty() || recovered == null ? null
                : Duration.between(firstBad, recovered);
        List<String> stillOpen = open.keySet().stream().sorted().toList();
        return new Incident(from, to, entries, actions, findings, noPrimary.total(to), split.total(to), toRecover,
                stillOpen);
    }

    /** Adds up how long findings of some codes were raised (per cluster, overlapping spans counted once). */
    private static final class Spans {
        private final Set<String> codes;
        private final Map<String, Instant> since = new HashMap<>();
        private final Map<String, java.util.Set<String>> keys = new HashMap<>();
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private Duration total = Duration.ZERO;

        Spans(Set<String> codes) {
            this.codes = codes;
        }

        void see(JournalEntry e, Instant windowStart) {
            if (!codes.contains(e.code())) {
                return;
            }
            String c = e.cluster();
            java.util.Set<String> openKeys = keys.computeIfAbsent(c, k -> new java.util.HashSet<>());
            String key = e.code() + "|" + e.node();
            boolean firstSight = seen.add(c + "|" + key);
            if (e.change() == Event.FindingChange.CLEARED) {
                boolean known = openKeys.remove(key);
                if (!known && firstSight && !since.containsKey(c)) {
                    // raised before the window
                    total = total.plus(Duration.between(windowStart, e.at()));
                } else if (openKeys.isEmpty() && since.containsKey(c)) {
                    total = total.plus(Duration.between(since.remove(c), e.at()));
                }
            } else if (openKeys.add(key) && openKeys.size() == 1) {
                since.put(c, e.at());
            }
        }

        Duration total(Instant end) {
            Duration t = total;
            for (Instant s : since.values()) {
                t = t.plus(Duration.between(s, end));
            }
            return t;
        }
    }

    /** Entries of the window that came from a layer's own memory or the audit log, by source. */
    public List<JournalEntry> from(JournalEntry.Source source) {
        List<JournalEntry> out = new ArrayList<>();
        entries.forEach(e -> {
            if (e.source() == source) {
                out.add(e);
            }
        });
        return out;
    }
}
