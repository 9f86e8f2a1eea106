package io.hadeck.probe.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.etcd.EtcdGateway;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: the Patroni clusters in what a source said — the {@code <namespace><scope>/members/<name>}
 * keys in etcd (their conn_url and api_url), or {@code GET /cluster} of one member's REST API.
 */
public final class PatroniDiscovery {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code /service/lab/members/node-1} → namespace {@code /service/}, scope lab, member node-1. */
    private static final Pattern MEMBER_KEY = Pattern.compile("^(/?(?:[^/]+/)*)([^/]+)/members/([^/]+)$");

    private PatroniDiscovery() {
    }

    /** One cluster per namespace and scope holding member keys, in key order. */
    public static List<FoundCluster> fromKeys(List<EtcdGateway.KeyValue> keys, List<String> etcdEndpoints) {
        Map<String, List<FoundCluster.Member>> byPrefix = new LinkedHashMap<>();
        for (EtcdGateway.KeyValue kv : keys) {
            Matcher m = MEMBER_KEY.matcher(kv.key());
            if (!m.matches()) {
                continue;
            }
            JsonNode v = parse(kv.value());
            String api = v.path("api_url").asText("");
            String conn = v.path("conn_url").asText("");
            if (api.isEmpty() && conn.isEmpty()) {
                continue;   // not a Patroni member record
            }
            String host = host(api.isEmpty() ? conn : api);
            byPrefix.computeIfAbsent(m.group(1) + "\0" + m.group(2), k -> new ArrayList<>())
                    .add(new FoundCluster.Member(m.group(3), host, hostPort(conn, 5432), restBase(api),
                            onHost(etcdEndpoints, host)));
        }
        List<FoundCluster> out = new ArrayList<>();
        byPrefix.forEach((k, members) -> {
            String[] ns = k.split("\0", 2);
            out.add(new FoundCluster(ns[1], ns[0].isEmpty() ? "/" : ns[0], etcdEndpoints, members, null));
        });
        return out;
    }

    /** The cluster of {@code GET /cluster}; the scope comes from {@code GET /patroni} ({@code patroni.scope}). */
    public static FoundCluster fromRest(JsonNode cluster, JsonNode patroni, String namespace) {
        JsonNode members = cluster == null ? null : cluster.get("members");
        if (members == null || !members.isArray() || members.isEmpty()) {
            throw new ProbeException("the answer of GET /cluster lists no members: is this a Patroni REST API?");
        }
        String scope = patroni == null ? "" : patroni.path("patroni").path("scope").asText("");
        if (scope.isEmpty()) {
            throw new ProbeException("GET /patroni does not name the scope (Patroni older than 2.1?): give --scope");
        }
        List<FoundCluster.Member> out = new ArrayList<>();
        for (JsonNode m : members) {
            String api = m.path("api_url").asText("");
            String host = m.path("host").asText(host(api));
            out.add(new FoundCluster.Member(m.path("name").asText(), host,
                    host + ":" + m.path("port").asInt(5432), restBase(api), null));
        }
        return new FoundCluster(scope, namespace, List.of(), out, null);
    }

    /** The first endpoint whose host is {@code host}, or null. */
    static String onHost(List<String> endpoints, String host) {
        return endpoints.stream().filter(e -> host != null && host.equals(host(e))).findFirst().orElse(null);
    }

    /** {@code http://127.0.0.2:8008/patroni} → {@code http://127.0.0.2:8008}. */
    static String restBase(String apiUrl) {
        if (apiUrl == null || apiUrl.isEmpty()) {
            return null;
        }
        URI u = uri(apiUrl);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    /** {@code postgres://127.0.0.2:5432/postgres} → {@code 127.0.0.2:5432}. */
    static String hostPort(String url, int defaultPort) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        URI u = uri(url);
        return u.getHost() + ":" + (u.getPort() > 0 ? u.getPort() : defaultPort);
    }

    static String host(String url) {
        return url == null || url.isEmpty() ? null : uri(url).getHost();
    }

    private static URI uri(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null) {
                throw new ProbeException("not a URL with a host: " + url);
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new ProbeException("not a URL: " + url);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
