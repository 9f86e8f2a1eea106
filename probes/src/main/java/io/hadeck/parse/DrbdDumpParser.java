package io.hadeck.parse;

import io.hadeck.model.DrbdResourceConfig;
import io.hadeck.model.SplitBrainPolicy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drbdadm dump} text (drbd-utils' v84 and v9 dump: {@code # comments}, {@code resource NAME {}}
 * sections with {@code on HOST {}}, {@code volume N {}}, {@code connection {}} and {@code net {}} inside,
 * one {@code option value;} per line). Keeps, per resource, its minors and its {@code after-sb-*}
 * policies: the resource's own {@code net} section (or a {@code net} section of one of its connections),
 * else the {@code common} section's, else DRBD's default {@code disconnect}.
 */
public final class DrbdDumpParser {

    static final List<String> OPTIONS = List.of("after-sb-0pri", "after-sb-1pri", "after-sb-2pri");

    private DrbdDumpParser() {
    }

    public static List<DrbdResourceConfig> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(0, "empty drbdadm dump output");
        }
        Map<String, String> common = new LinkedHashMap<>();
        List<Res> resources = new ArrayList<>();
        Deque<String> sections = new ArrayDeque<>();   // innermost first: "net", "on drbd-a", "resource pc0"
        Res res = null;
        List<String> words = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            for (String t : BraceConfig.words(no, lines[i], "#")) {   // '#' outside quotes starts a comment
                switch (t) {
                    case "{" -> {
                        if (words.isEmpty()) {
                            throw new ParseException(no, "'{' without a section name");
                        }
                        String head = String.join(" ", words);
                        if (words.get(0).equals("resource")) {
                            if (words.size() != 2 || !sections.isEmpty()) {
                                throw new ParseException(no, "resource section not understood: '" + Drbd84Parser.clip(head) + "'");
                            }
                            res = new Res(words.get(1));
                            resources.add(res);
                        }
                        sections.push(head);
                        words.clear();
                    }
                    case "}" -> {
                        if (sections.isEmpty() || !words.isEmpty()) {
                            throw new ParseException(no, sections.isEmpty() ? "'}' without a section" : "option without ';' before '}'");
                        }
                        if (sections.pop().startsWith("resource ")) {
                            res = null;
                        }
                    }
                    case ";" -> {
                        statement(no, words, sections, res, common);
                        words.clear();
                    }
                    default -> words.add(t);
                }
            }
        }
        if (!sections.isEmpty() || !words.isEmpty()) {
            throw new ParseException(lines.length, "drbdadm dump output ends inside '" + (sections.isEmpty() ? String.join(" ", words)
                    : sections.peek()) + "'");
        }
        if (resources.isEmpty()) {
            throw new ParseException(0, "no resource in drbdadm dump output");
        }
        return resources.stream().map(r -> r.config(common)).toList();
    }

    private static void statement(int no, List<String> words, Deque<String> sections, Res res, Map<String, String> common) {
        if (words.isEmpty()) {
            return;
        }
        String key = words.get(0);
        if (key.equals("device") && res != null) {
            int at = words.indexOf("minor");
            if (at < 0 || at + 1 >= words.size() || !words.get(at + 1).matches("\\d{1,7}")) {
                throw new ParseException(no, "device without a minor: '" + Drbd84Parser.clip(String.join(" ", words)) + "'");
            }
            int minor = Integer.parseInt(words.get(at + 1));
            if (!res.minors.contains(minor)) {
                res.minors.add(minor);
            }
            return;
        }
        if (!OPTIONS.contains(key) || !"net".equals(sections.peek())) {
            return;
        }
        if (words.size() != 2) {
            throw new ParseException(no, key + " needs one value: '" + Drbd84Parser.clip(String.join(" ", words)) + "'");
        }
        if (res != null) {
            res.policies.put(key, words.get(1));
        } else if (sections.size() == 2 && sections.peekLast().equals("common")) {
            common.put(key, words.get(1));
        }
    }

    private static final class Res {
        final String name;
        final List<Integer> minors = new ArrayList<>();
        final Map<String, String> policies = new LinkedHashMap<>();

        Res(String name) {
            this.name = name;
        }

        DrbdResourceConfig config(Map<String, String> common) {
            List<SplitBrainPolicy> p = OPTIONS.stream().map(o -> policies.containsKey(o)
                    ? new SplitBrainPolicy(o, policies.get(o), false)
                    : common.containsKey(o) ? new SplitBrainPolicy(o, common.get(o), false) : SplitBrainPolicy.defaultFor(o)).toList();
            return new DrbdResourceConfig(name, minors, p.get(0), p.get(1), p.get(2));
        }
    }
}
