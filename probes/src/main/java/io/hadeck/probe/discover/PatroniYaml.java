package io.hadeck.probe.discover;

import io.hadeck.probe.ProbeException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Pure: what one node's Patroni YAML says about where things are — scope, namespace, the member's
 * REST and PostgreSQL addresses, its etcd hosts and the REST user. Its passwords are never read
 * out: a Patroni YAML holds them inline, hadeck's config must not.
 *
 * @param etcdEndpoints client URLs from {@code etcd3:} (or {@code etcd:}) {@code hosts}/{@code host}/{@code url(s)}
 */
public record PatroniYaml(String scope, String namespace, FoundCluster.Member member, List<String> etcdEndpoints,
                          String restUser) {

    public PatroniYaml {
        etcdEndpoints = List.copyOf(etcdEndpoints);
    }

    public static PatroniYaml parse(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new ProbeException("not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new ProbeException("not a Patroni configuration (no keys at the top)");
        }
        String scope = string(top, "scope");
        if (scope == null) {
            throw new ProbeException("not a Patroni configuration: no scope:");
        }
        String ns = string(top, "namespace");
        ns = ns == null ? "/service/" : (ns.startsWith("/") ? ns : "/" + ns) + (ns.endsWith("/") ? "" : "/");
        Map<?, ?> rest = map(top, "restapi");
        Map<?, ?> pg = map(top, "postgresql");
        String restAddr = string(rest, "connect_address");
        String scheme = string(rest, "certfile") != null ? "https" : "http";
        String pgAddr = string(pg, "connect_address");
        String host = restAddr != null ? hostOf(restAddr) : pgAddr != null ? hostOf(pgAddr) : null;
        FoundCluster.Member member = new FoundCluster.Member(string(top, "name"), host, pgAddr,
                restAddr == null ? null : scheme + "://" + restAddr, null);
        return new PatroniYaml(scope, ns, member, etcd(top), string(map(rest, "authentication"), "username"));
    }

    private static List<String> etcd(Map<?, ?> top) {
        Map<?, ?> e = map(top, "etcd3");
        if (e == null) {
            e = map(top, "etcd");
        }
        if (e == null) {
            return List.of();
        }
        String protocol = string(e, "protocol") != null ? string(e, "protocol") : "http";
        List<String> out = new ArrayList<>();
        for (String key : List.of("url", "urls", "hosts", "host")) {
            for (String v : strings(e.get(key))) {
                out.add(v.contains("://") ? v : protocol + "://" + v);
            }
        }
        return out;
    }

    /** A list, or Patroni's comma-separated string form. */
    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).map(String::strip).toList();
        }
        return v == null ? List.of() : Arrays.stream(String.valueOf(v).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String hostOf(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 ? hostPort.substring(0, colon) : hostPort;
    }

    private static Map<?, ?> map(Map<?, ?> m, String key) {
        return m != null && m.get(key) instanceof Map<?, ?> v ? v : null;
    }

    private static String string(Map<?, ?> m, String key) {
        Object v = m == null ? null : m.get(key);
        return v == null || v instanceof Map || v instanceof List ? null : String.valueOf(v);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
