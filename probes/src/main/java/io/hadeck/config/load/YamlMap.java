package io.hadeck.config.load;

import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import io.hadeck.config.Secret;
import io.hadeck.config.SshOptions;
import io.hadeck.text.TerminalText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One YAML mapping read against a fixed set of keys: unknown keys, wrong types and bad values are
 * reported with their line (and the closest known key for a typo); getters then return null.
 */
public final class YamlMap {

    private final Problems problems;
    private final String where;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(Problems problems, String where, Node node) {
        this.problems = problems;
        this.where = where;
        this.node = node;
    }

    /** Reads {@code node} as a mapping of {@code known} keys; null (and a problem) if it is not a mapping. */
    public static YamlMap of(Problems problems, String where, Node node, String... known) {
        if (!(node instanceof MappingNode m)) {
            problems.at(node, where + " must be a mapping (key: value)");
            return null;
        }
        YamlMap map = new YamlMap(problems, where, node);
        Set<String> keys = Set.of(known);
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                problems.at(t.getKeyNode(), where + ": keys must be plain words");
                continue;
            }
            String key = k.getValue();
            if (!keys.contains(key)) {
                String hint = Suggest.closest(key, Arrays.asList(known));
                problems.at(k, "unknown key '" + key + "' in " + where + (hint == null ? " (known: "
                        + String.join(", ", known) + ")" : " (did you mean '" + hint + "'?)"));
            } else if (map.values.containsKey(key)) {
                problems.at(k, "'" + key + "' given twice in " + where);
            } else {
                map.values.put(key, t.getValueNode());
            }
        }
        return map;
    }

    public Node node() {
        return node;
    }

    /** Where this mapping's problems are collected: for readers of its values kept in classes of their own. */
    Problems problems() {
        return problems;
    }

    public Node raw(String key) {
        Node n = values.get(key);
        return n instanceof ScalarNode s && isNull(s) ? null : n;
    }

    public boolean has(String key) {
        return raw(key) != null;
    }

    public String where(String key) {
        return where + "." + key;
    }

    public String string(String key) {
        Node n = raw(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            problems.at(n, where(key) + " must be a single value, not a list or mapping");
            return null;
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) {
            problems.at(n, where(key) + " is empty");
            return null;
        }
        if (v.chars().anyMatch(TerminalText::isControl)) {
            problems.at(n, where(key) + " contains a control character (the value is not shown here)");
            return null;
        }
        return v;
    }

    /** A cluster, node or resource name: letters, digits, '.', '_', '-', not starting with '-' or '.'. */
    public String name(String key) {
        String v = string(key);
        return v == null || Names.name(v) ? v : invalid(key, v, "a name of letters, digits, '.', '_' and '-' "
                + "(at most 63, not starting with '-' or '.')");
    }

    /** A host name or IP address (never anything ssh could read as an option or a user@). */
    public String host(String key) {
        String v = string(key);
        return v == null || Names.host(v) ? v : invalid(key, v, "a host name or IP address");
    }

    /** A login name for ssh. */
    public String user(String key) {
        String v = string(key);
        return v == null || Names.user(v) ? v : invalid(key, v, "a login name of letters, digits, '.', '_' and '-' "
                + "(not starting with '-')");
    }

    /** A list of names (DRBD resources). */
    public List<String> names(String key) {
        List<String> out = new ArrayList<>();
        for (String v : strings(key)) {
            if (Names.name(v)) {
                out.add(v);
            } else {
                problems.at(raw(key), where(key) + " has '" + TerminalText.oneLine(v) + "'; expected names of letters, "
                        + "digits, '.', '_' and '-' (not starting with '-' or '.')");
            }
        }
        return out;
    }

    /** {@code ssh.options}: each on {@link SshOptions#ALLOWED}, normalised to Key=Value. */
    public List<String> sshOptions(String key) {
        List<String> out = new ArrayList<>();
        Node list = raw(key);
        List<Node> items = list instanceof SequenceNode seq ? seq.getValue() : List.of();
        List<String> values = strings(key);
        for (int i = 0; i < values.size(); i++) {
            String o = values.get(i);
            java.util.Optional<String> ok = SshOptions.normalise(o);
            if (ok.isPresent()) {
                out.add(ok.get());
            } else {
                problems.at(i < items.size() ? items.get(i) : list, where(key) + ": " + SshOptions.whyNot(o));
            }
        }
        return out;
    }

    public String required(String key) {
        if (!has(key)) {
            problems.at(node, where + " needs '" + key + "'");
            return null;
        }
        return string(key);
    }

    public String oneOf(String key, String def, String... allowed) {
        String v = string(key);
        if (v == null) {
            return def;
        }
        if (!Arrays.asList(allowed).contains(v)) {
            problems.at(raw(key), where(key) + " is '" + v + "'; expected one of " + String.join(", ", allowed));
            return def;
        }
        return v;
    }

    public boolean bool(String key, boolean def) {
        String v = string(key);
        if (v == null) {
            return def;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.at(raw(key), where(key) + " must be true or false, not '" + v + "'");
                yield def;
            }
        };
    }

    public int port(String key, int def) {
        String v = string(key);
        if (v == null) {
            return def;
        }
        if (!v.matches("\\d{1,5}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 65535) {
            problems.at(raw(key), where(key) + " must be a port number 1-65535, not '" + v + "'");
            return def;
        }
        return Integer.parseInt(v);
    }

    public Duration duration(String key, Duration def) {
        String v = string(key);
        if (v == null) {
            return def;
        }
        Duration d = Durations.parse(v).orElse(null);
        if (d == null || d.isZero()) {
            problems.at(raw(key), where(key) + " is '" + v + "'; write a positive duration: 500ms, 2s, 1.5m, 1h (a bare number is seconds)");
            return def;
        }
        return d;
    }

    public long size(String key, long def) {
        String v = string(key);
        if (v == null) {
            return def;
        }
        Long s = Sizes.parse(v).orElse(null);
        if (s == null) {
            problems.at(raw(key), where(key) + " is '" + v + "'; write a size: 16MB, 1.5GiB or a number of bytes");
            return def;
        }
        return s;
    }

    /** http(s)://host:port[/path]. */
    public String url(String key) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        if (EndpointSyntax.hasUserInfo(v)) {
            problems.at(raw(key), where(key) + ": " + EndpointSyntax.USERINFO_PROBLEM);
            return null;
        }
        return EndpointSyntax.url(v) ? v : invalid(key, v, "a URL such as http://10.0.0.2:2379");
    }

    /** host:port, e.g. 10.0.0.2:5432 or [::1]:5432. */
    public String hostPort(String key) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        return EndpointSyntax.hostPort(v) ? v : invalid(key, v, "host:port such as 10.0.0.2:5432");
    }

    private String invalid(String key, String v, String expected) {
        problems.at(raw(key), where(key) + " is '" + TerminalText.oneLine(v) + "'; expected " + expected);
        return null;
    }

    public List<String> strings(String key) {
        Node n = raw(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.at(n, where(key) + " must be a list: [a, b]");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().strip());
            } else {
                problems.at(item, where(key) + " must hold plain values");
            }
        }
        return out;
    }

    public List<String> urls(String key) {
        List<String> out = new ArrayList<>();
        for (String u : strings(key)) {
            if (EndpointSyntax.hasUserInfo(u)) {
                problems.at(raw(key), where(key) + ": " + EndpointSyntax.USERINFO_PROBLEM);
            } else if (EndpointSyntax.url(u)) {
                out.add(u);
            } else {
                problems.at(raw(key), where(key) + " has '" + TerminalText.oneLine(u) + "'; expected URLs such as http://10.0.0.2:2379");
            }
        }
        return out;
    }

    /** A credential by reference, {@code {file: PATH}} or {@code {env: VARIABLE}}: see {@link SecretReference}. */
    public Secret secret(String key) {
        return SecretReference.read(this, key);
    }

    public YamlMap map(String key, String... known) {
        Node n = raw(key);
        return n == null ? null : of(problems, where(key), n, known);
    }

    private static boolean isNull(ScalarNode s) {
        return s.getTag().getValue().endsWith(":null");
    }
}
