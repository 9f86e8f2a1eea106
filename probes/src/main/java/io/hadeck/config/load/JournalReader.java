package io.hadeck.config.load;

import io.hadeck.model.FindingCode;
import io.hadeck.units.Durations;
import io.hadeck.config.HookConfig;
import io.hadeck.config.JournalSettings;
import io.hadeck.model.Severity;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-level {@code journal:} and {@code hooks:} sections. Every bad value is a FILE:LINE
 * problem, like the rest of the file: a hook that cannot run must not be found out at 3 a.m.
 */
public final class JournalReader {
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})\\s*d");

    private final Problems problems;
    private final String home;

    public JournalReader(Problems problems, String home) {
        this.problems = problems;
        this.home = home;
    }

    /** {@code journal: {path: ~/x.db, retention: 30d}}; the defaults for what is left out. */
    public JournalSettings journal(YamlMap top) {
        JournalSettings def = JournalSettings.defaults();
        YamlMap j = top.has("journal") ? YamlMap.of(problems, "journal", top.raw("journal"), "path", "retention") : null;
        if (j == null) {
            return def;
        }
        Path path = def.path();
        String p = j.string("path");
        if (p != null) {
            String expanded = p.equals("~") || p.startsWith("~/") ? home + p.substring(1) : p;
            if (Path.of(expanded).isAbsolute()) {
                path = Path.of(expanded).normalize();
            } else {
                problems.at(j.raw("path"), j.where("path") + " is '" + p + "'; write an absolute path (or one starting with ~/)");
            }
        }
        return new JournalSettings(path, retention(j, def.retention()));
    }

    private Duration retention(YamlMap j, Duration def) {
        String v = j.string("retention");
        if (v == null) {
            return def;
        }
        Matcher m = DAYS.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
            return Duration.ofDays(Integer.parseInt(m.group(1)));
        }
        Duration d = Durations.parse(v).orElse(null);
        if (d == null || d.compareTo(Duration.ofHours(1)) < 0) {
            problems.at(j.raw("retention"), j.where("retention") + " is '" + v
                    + "'; write how long to keep entries, at least an hour: 90d, 72h");
            return def;
        }
        return d;
    }

    /** {@code hooks:} a list of {name, command: [argv…], codes: [..], severity, on: [raised, cleared], timeout}. */
    public List<HookConfig> hooks(YamlMap top) {
        Node n = top.raw("hooks");
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.at(n, "hooks: must be a list of hooks, each with a command: [program, args…]");
            return List.of();
        }
        List<HookConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            HookConfig h = hook(seq.getValue().get(i), i);
            if (h != null && !names.add(h.name())) {
                problems.at(seq.getValue().get(i), "hook name '" + h.name() + "' is used twice");
            } else if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    private HookConfig hook(Node node, int index) {
        YamlMap h = YamlMap.of(problems, "hooks[" + index + "]", node, "name", "command", "codes", "severity", "on", "timeout");
        if (h == null) {
            return null;
        }
        String given = h.string("name");
        String name = given == null ? "hooks[" + index + "]" : given;
        if (!h.has("command")) {
            problems.at(node, "hook " + name + " needs command: [program, args…] (a list, run without a shell)");
            return null;
        }
        if (!(h.raw("command") instanceof SequenceNode)) {
            problems.at(h.raw("command"), h.where("command") + " must be a list: [program, args…]; it runs without a shell,"
                    + " so write each argument as its own item");
            return null;
        }
        List<String> command = h.strings("command");
        if (command.isEmpty()) {
            problems.at(h.raw("command"), h.where("command") + " is empty; name the program to run");
            return null;
        }
        if (!command.get(0).startsWith("/") && command.get(0).contains("/")) {
            problems.at(h.raw("command"), h.where("command") + " starts with '" + command.get(0)
                    + "'; write an absolute path or a program name found on PATH");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : h.strings("codes")) {
            if (isCode(c)) {
                codes.add(c);
            } else {
                String upper = c.toUpperCase(Locale.ROOT);
                problems.at(h.raw("codes"), h.where("codes") + " has '" + c + "'; no finding has that code"
                        + (isCode(upper) ? ", write it " + upper : " (finding codes look like PG_NO_PRIMARY)"));
            }
        }
        String sev = h.oneOf("severity", null, "ok", "info", "warn", "crit");
        Severity severity = sev == null ? null : Severity.valueOf(sev.toUpperCase(Locale.ROOT));
        if (!h.has("codes") && severity == null) {
            problems.at(node, "hook " + name + " needs codes: [..] or severity: warn|crit (else it would fire on every finding)");
        }
        Set<HookConfig.On> on = EnumSet.noneOf(HookConfig.On.class);
        for (String o : h.has("on") ? h.strings("on") : List.of("raised", "cleared")) {
            switch (o) {
                case "raised" -> on.add(HookConfig.On.RAISED);
                case "cleared" -> on.add(HookConfig.On.CLEARED);
                default -> problems.at(h.raw("on"), h.where("on") + " has '" + o + "'; expected raised, cleared");
            }
        }
        Duration timeout = h.duration("timeout", HookConfig.DEFAULT_TIMEOUT);
        return new HookConfig(name, command, codes, severity, on, timeout);
    }

    /** A hook keys on a code some finding has: a misspelt one would never fire. */
    private static boolean isCode(String word) {
        return java.util.Arrays.stream(FindingCode.values()).anyMatch(c -> c.name().equals(word));
    }
}
