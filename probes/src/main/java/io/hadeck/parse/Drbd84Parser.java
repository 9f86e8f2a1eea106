package io.hadeck.parse;

import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /proc/drbd of DRBD 8.0–8.4: a version line, a GIT-hash or srcversion line, then per minor a state
 * line ({@code 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----}; 8.0–8.3 say
 * {@code st:} for the roles), a counters line, and while resyncing a progress bar and a finish line.
 * Resource names are not in this file: every resource's name is null. The version is null when the
 * text lacks the version line (excerpts copied from documentation often do).
 */
public final class Drbd84Parser {

    private static final Pattern MINOR = Pattern.compile("(\\d{1,9}):\\s+cs:(\\S+)(.*)");
    private static final Pattern SYNCED = Pattern.compile(
            "\\[[=>.]*]\\s*(?:sync'ed|verified):\\s*(\\d{1,3}(?:\\.\\d+)?)%\\s*\\((\\d{1,18})/(\\d{1,18})\\)([KM])\\s*");
    private static final Pattern FINISH = Pattern.compile(
            "finish:\\s*(\\d{1,9}):(\\d{1,2}):(\\d{1,2})\\s+speed:\\s*([\\d,]{1,24})\\s*\\(([\\d,]{1,24})\\)"
                    + "(?:\\s*want:\\s*([\\d,]{1,24}))?\\s*K/sec.*");
    /** Extra lines of 8.0–8.3 (resync/act_log LRU statistics): nothing an operator needs. */
    private static final Pattern IGNORED = Pattern.compile("(GIT-hash|srcversion|resync|act_log|Transports):.*");

    private Drbd84Parser() {
    }

    /** True when the text looks like /proc/drbd (its first non-blank line is the version line). */
    static boolean looksLike(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.startsWith("version:") || first.startsWith("GIT-hash:") || first.startsWith("srcversion:")
                || MINOR.matcher(first).matches();
    }

    public static DrbdStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(0, "empty /proc/drbd");
        }
        String version = null;
        List<DrbdResource> done = new ArrayList<>();
        Builder current = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("version:")) {
                if (version != null) {
                    throw new ParseException(no, "a second version line");
                }
                version = line.substring("version:".length()).strip();
                if (version.isEmpty()) {
                    throw new ParseException(no, "version line without a version");
                }
                continue;
            }
            Matcher m = MINOR.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    done.add(current.build());
                }
                current = "Unconfigured".equals(m.group(2)) ? null : minor(no, m);
                if (current == null) {
                    done.add(new DrbdResource((int) number(no, m.group(1)), null, "Unconfigured", null, null, null, null,
                            null, 0, Map.of(), null));
                }
                continue;
            }
            if (IGNORED.matcher(line).matches()) {
                continue;
            }
            if (current == null) {
                throw new ParseException(no, "expected a minor's state line (' 0: cs:…'), found '" + clip(line) + "'");
            }
            if (line.startsWith("ns:") || line.startsWith("nr:")) {
                current.counters(no, line);
            } else if ((m = SYNCED.matcher(line)).matches()) {
                current.synced(no, m);
            } else if ((m = FINISH.matcher(line)).matches()) {
                current.finish(no, m);
            } else {
                throw new ParseException(no, "not understood: '" + clip(line) + "'");
            }
        }
        if (current != null) {
            done.add(current.build());
        }
        // excerpts (documentation, logs) sometimes lose the version line; a minor line is proof enough
        if (version == null && done.isEmpty()) {
            throw new ParseException(0, "neither a version line nor a minor: not /proc/drbd");
        }
        return new DrbdStatus(version, done, text);
    }

    private static Builder minor(int no, Matcher m) {
        Builder b = new Builder(number(no, m.group(1)), m.group(2));
        String[] tokens = m.group(3).strip().split("\\s+");
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("ro:") || t.startsWith("st:")) {
                String[] pair = pair(no, t);
                b.role = pair[0];
                b.peerRole = pair[1];
            } else if (t.startsWith("ds:") || t.startsWith("ld:")) {
                String[] pair = t.startsWith("ds:") ? pair(no, t) : new String[]{t.substring(3), "DUnknown"};
                b.disk = pair[0];
                b.peerDisk = pair[1];
            } else if (t.matches("[ABC]")) {
                b.protocol = t;
            } else if (!t.matches("[a-zA-Z-]{2,12}")) { // I/O flags such as r----- or r---
                throw new ParseException(no, "unexpected '" + clip(t) + "' in the state line");
            }
        }
        if (b.role == null || b.disk == null) {
            throw new ParseException(no, "state line without roles (ro:/st:) or disk states (ds:)");
        }
        return b;
    }

    private static String[] pair(int no, String token) {
        String v = token.substring(3);
        int slash = v.indexOf('/');
        if (slash <= 0 || slash == v.length() - 1 || v.indexOf('/', slash + 1) >= 0) {
            throw new ParseException(no, "expected local/peer in '" + clip(token) + "'");
        }
        return new String[]{v.substring(0, slash), v.substring(slash + 1)};
    }

    static long number(int no, String digits) {
        try {
            return Long.parseLong(digits.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new ParseException(no, "not a number: '" + clip(digits) + "'");
        }
    }

    private static int intNumber(int no, String digits) {
        long v = number(no, digits);
        if (v > Integer.MAX_VALUE) {
            throw new ParseException(no, "number too large: " + clip(digits));
        }
        return (int) v;
    }

    static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** One minor being read, line by line. */
    private static final class Builder {
        final int minor;
        final String cs;
        String role;
        String peerRole;
        String disk;
        String peerDisk;
        String protocol;
        final Map<String, Long> counters = new LinkedHashMap<>();
        Double percent;
        Long leftKiB;
        Long finishSeconds;
        Long speed;

        Builder(long minor, String cs) {
            this.minor = (int) minor;
            this.cs = cs;
        }

        void counters(int no, String line) {
            for (String t : line.split("\\s+")) {
                int colon = t.indexOf(':');
                if (colon <= 0 || colon == t.length() - 1) {
                    throw new ParseException(no, "expected name:value in the counters line, found '" + clip(t) + "'");
                }
                String key = t.substring(0, colon);
                String value = t.substring(colon + 1);
                if (key.equals("wo")) {
                    continue; // write ordering method (b, f, d, n), not a counter
                }
                if (!value.matches("\\d{1,19}")) {
                    throw new ParseException(no, "counter " + clip(key) + " is not a number: '" + clip(value) + "'");
                }
                counters.put(key, number(no, value));
            }
        }

        void synced(int no, Matcher m) {
            double p = Double.parseDouble(m.group(1));
            if (p > 100) {
                throw new ParseException(no, "sync'ed above 100%: " + m.group(1));
            }
            percent = p;
            long left = number(no, m.group(2));
            leftKiB = m.group(4).equals("M") ? left * 1024 : left;
        }

        void finish(int no, Matcher m) {
            if (percent == null) {
                throw new ParseException(no, "finish line without a sync'ed line before it");
            }
            finishSeconds = number(no, m.group(1)) * 3600 + intNumber(no, m.group(2)) * 60L + intNumber(no, m.group(3));
            speed = number(no, m.group(4));
        }

        DrbdResource build() {
            long oos = counters.getOrDefault("oos", leftKiB == null ? 0L : leftKiB);
            DrbdResource.DrbdSync sync = percent == null ? null : new DrbdResource.DrbdSync(percent, finishSeconds, speed);
            return new DrbdResource(minor, null, cs, role, peerRole, disk, peerDisk, protocol, oos, counters, sync);
        }
    }
}
