package io.hadeck.parse;

import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdKernelLog.SplitBrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRBD lines of a kernel log ({@code dmesg}, with or without timestamps, or syslog's
 * kern.log), reduced to the split-brains that still stand. DRBD prefixes its lines with what they
 * are about:
 * <pre>
 * block drbd6: …                     8.3/8.4 device (minor 6); 8.0 wrote "drbd6: …"
 * drbd r0: … / d-con r0: …           8.4 connection, DRBD 9 resource
 * drbd r0 peer: …                    DRBD 9 connection
 * drbd r0/0 drbd8 peer: …            DRBD 9 peer device (volume 0, minor 8)
 * </pre>
 * The latest "Split-Brain detected … dropping connection!" per resource (and peer) or minor counts
 * unless a later line about it shows the two sides connected again (conn/repl to Connected,
 * Established, SyncSource/SyncTarget, "Began resync"). "Since the last connection state change"
 * would not do: DRBD logs the detection first, then conn( … -> Disconnecting ) and ( -> StandAlone ).
 * An 8.4 resource logged under its minor (device lines) and under its name (connection lines)
 * cannot be told to be one resource; the rules therefore also check its current state.
 * Automatically solved split-brains ("…, automatically solved. Sync from …") are not reported.
 */
public final class DrbdKernelLogParser {

    /** What precedes the kernel's words: syslog's "DATE HOST kernel: ", dmesg's "[ 118.684221] " or "[Tue Feb  2 15:55:43 2021] ". */
    private static final Pattern HEADER = Pattern.compile("^(?:.*?\\bkernel: )?\\s*(?:\\[[^]]*]\\s*)?");
    private static final Pattern PREFIX = Pattern.compile("(?:block drbd(?<bminor>\\d{1,9})|drbd(?<ominor>\\d{1,9})"
            + "|d-con (?<dcon>[^\\s:/]+)|drbd (?<res>[^\\s:/]+)(?:/\\d+ drbd(?<minor>\\d{1,9}))?(?: (?<peer>[^\\s:]+))?): (?<msg>.*)$");
    private static final Pattern SPLIT_BRAIN = Pattern.compile("(?i)^Split-Brain detected\\b.*dropping connection");
    private static final Pattern TALKING_AGAIN = Pattern.compile(
            "->\\s*(?:Connected|Established|SyncSource|SyncTarget)\\s*\\)|^Began resync as");

    private DrbdKernelLogParser() {
    }

    /** One DRBD line: what it is about and its message. */
    record Line(String resource, Integer minor, String peer, String message, String text) {
        /** About the same resource (and peer, when both name one), or the same minor. */
        boolean sameSubject(Line o) {
            boolean samePeer = peer == null || o.peer == null || peer.equals(o.peer);
            return (resource != null && resource.equals(o.resource) && samePeer) || (minor != null && minor.equals(o.minor));
        }

        SplitBrain splitBrain() {
            return new SplitBrain(resource, minor, peer, message, text);
        }
    }

    public static DrbdKernelLog parse(String text) {
        List<Line> standing = new ArrayList<>();
        if (text != null) {
            text.lines().map(DrbdKernelLogParser::line).flatMap(Optional::stream).forEach(l -> {
                boolean splitBrain = SPLIT_BRAIN.matcher(l.message()).find();
                if (splitBrain || TALKING_AGAIN.matcher(l.message()).find()) {
                    standing.removeIf(l::sameSubject);
                }
                if (splitBrain) {
                    standing.add(l);
                }
            });
        }
        return DrbdKernelLog.of(standing.stream().map(Line::splitBrain).toList());
    }

    /** The DRBD line in a kernel log line, empty for every other line. */
    static Optional<Line> line(String raw) {
        Matcher h = HEADER.matcher(raw);
        Matcher m = PREFIX.matcher(raw).region(h.lookingAt() ? h.end() : 0, raw.length());
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String minor = first(m.group("bminor"), m.group("ominor"), m.group("minor"));
        String resource = first(m.group("dcon"), m.group("res"));
        return Optional.of(new Line(resource, minor == null ? null : Integer.valueOf(minor), m.group("peer"),
                m.group("msg").strip(), raw.strip()));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
