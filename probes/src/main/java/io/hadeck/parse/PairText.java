package io.hadeck.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.VrrpState;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers for what a legacy pair node says besides DRBD, each the output of a command an operator
 * runs by hand: {@code ip -j addr}, {@code ps -o pid,stat,etimes,args -C keepalived},
 * {@code systemctl is-active UNIT…}, {@code findmnt -J MOUNT} and the notify record
 * ({@code cat /run/keepalived/VI_1.notify}). Pure; {@link ParseException} on text they do not understand.
 */
public final class PairText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PairText() {
    }

    /** Every address of every interface, without prefix length. */
    public static List<String> addresses(String ipJson) {
        JsonNode root = json(ipJson, "ip -j addr");
        if (!root.isArray()) {
            throw new ParseException(1, "ip -j addr: expected a JSON array of interfaces");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode itf : root) {
            for (JsonNode a : itf.path("addr_info")) {
                if (a.hasNonNull("local")) {
                    out.add(a.get("local").asText());
                }
            }
        }
        return out;
    }

    /** keepalived's processes: none (header only), frozen when any is stopped by a signal (STAT T), else running. */
    public static KeepalivedProcess keepalived(String ps) {
        List<String> lines = ps == null ? List.of() : ps.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return KeepalivedProcess.notRunning();
        }
        if (!lines.get(0).strip().startsWith("PID")) {
            throw new ParseException(1, "ps: expected a header line starting with PID");
        }
        List<Long> pids = new ArrayList<>();
        boolean frozen = false;
        long uptime = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split("\\s+", 4);
            if (f.length < 3) {
                throw new ParseException(i + 1, "ps: expected PID STAT ELAPSED COMMAND");
            }
            try {
                pids.add(Long.parseLong(f[0]));
                uptime = Math.max(uptime, Long.parseLong(f[2]));
            } catch (NumberFormatException e) {
                throw new ParseException(i + 1, "ps: PID and ELAPSED must be numbers");
            }
            frozen |= f[1].startsWith("T");
        }
        if (pids.isEmpty()) {
            return KeepalivedProcess.notRunning();
        }
        return new KeepalivedProcess(frozen ? KeepalivedProcess.State.FROZEN : KeepalivedProcess.State.RUNNING,
                pids, uptime);
    }

    /** {@code systemctl is-active A B C}: one word per unit, in the order asked. */
    public static Map<String, Boolean> active(List<String> units, String out) {
        List<String> words = out == null ? List.of() : out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (words.size() != units.size()) {
            throw new ParseException(1, "systemctl is-active: " + words.size() + " answers for " + units.size() + " units");
        }
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            m.put(units.get(i), "active".equals(words.get(i)));
        }
        return m;
    }

    /** Where findmnt says the device is mounted; null for no output (findmnt prints nothing, exit 1). */
    public static String mountTarget(String findmntJson) {
        if (findmntJson == null || findmntJson.isBlank()) {
            return null;
        }
        JsonNode fs = json(findmntJson, "findmnt -J").path("filesystems");
        if (!fs.isArray() || fs.isEmpty()) {
            return null;
        }
        return fs.get(0).path("target").asText(null);
    }

    /** The notify record: {@code key=value} lines, {@code step=NAME OUTCOME [DETAIL]} repeated. */
    public static NotifyRecord notify(String text) {
        VrrpState state = null;
        Integer priority = null;
        Instant at = null;
        String result = null;
        String reason = null;
        List<NotifyRecord.Step> steps = new ArrayList<>();
        int n = 0;
        for (String line : text.lines().toList()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new ParseException(n, "notify record: expected key=value");
            }
            String k = line.substring(0, eq);
            String v = line.substring(eq + 1).strip();
            switch (k) {
                case "state" -> state = VrrpState.of(v);
                case "priority" -> priority = v.matches("\\d+") ? Integer.valueOf(v) : null;
                case "at" -> at = instant(v, n);
                case "result" -> result = v;
                case "reason" -> reason = v;
                case "step" -> {
                    String[] f = v.split(" ", 3);
                    steps.add(new NotifyRecord.Step(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : ""));
                }
                default -> { }   // instance= and whatever a later script adds
            }
        }
        if (state == null) {
            throw new ParseException(1, "notify record: no state= line");
        }
        return new NotifyRecord(state, priority, at, steps, result, reason);
    }

    private static Instant instant(String v, int line) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new ParseException(line, "notify record: at= is not an ISO-8601 time");
        }
    }

    private static JsonNode json(String text, String what) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new ParseException(1, what + ": not JSON");
        }
    }
}
