package io.hadeck.probe.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.HttpJson;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;
import io.hadeck.probe.etcd.EtcdMapping.EndpointStatus;
import io.hadeck.probe.etcd.EtcdMapping.MemberInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * etcd's v3 API through its JSON gateway ({@code POST /v3/...} on each member's client URL, served
 * by etcd 3.3 and later): what the readers ask — member list, alarms, each member's status, a quorum
 * read, Patroni's keys — each request addressed to one endpoint, on the readers' one HTTP client.
 * A gRPC client (jetcd) per endpoint was one Vert.x instance each and ~1,500 classes before a
 * one-shot status's first byte; watches and leases (the console's key watch, the action lock) keep
 * jetcd, which is built only when they start.
 *
 * <p>With a user and password, each endpoint is asked for a token once ({@code /v3/auth/authenticate})
 * and again when etcd says the token is no longer valid (simple tokens are per member).
 */
public final class EtcdGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One key as etcd holds it. */
    public record KeyValue(String key, String value, long createRevision, long lease) {
    }

    private final ClusterConfig.Etcd etcd;
    private final HttpJson http;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> authLocks = new ConcurrentHashMap<>();

    public EtcdGateway(ClusterConfig.Etcd etcd, List<String> endpoints, Duration connectTimeout) {
        this.etcd = etcd;
        // https:// means TLS with or without a tls: block (then the system trust store); the JDK checks the name.
        boolean tls = etcd != null && (etcd.tls() != null || endpoints.stream().anyMatch(u -> u.startsWith("https:")));
        this.http = new HttpJson(connectTimeout, null, tls ? TlsContexts.of(etcd.tls()).getSocketFactory() : null);
    }

    /** The gateway for one cluster: every etcd endpoint it knows, its credentials, TLS and connect timeout. */
    public static EtcdGateway of(ClusterConfig cluster) {
        return new EtcdGateway(cluster.etcd(), EtcdClients.endpoints(cluster), cluster.timeouts().connect());
    }

    /** One member's {@code etcdctl endpoint status}, with the cluster's ID from its header (the same from every member). */
    public record Status(long clusterId, EndpointStatus endpoint) {
    }

    /** {@code etcdctl endpoint status} for one member. */
    public Status status(String endpoint, Duration timeout) throws IOException {
        JsonNode r = call(endpoint, "maintenance/status", "{}", timeout);
        return new Status(u64(r.path("header").path("cluster_id")), new EndpointStatus(endpoint,
                u64(r.path("header").path("member_id")), u64(r.path("leader")), u64(r.path("raftTerm")),
                u64(r.path("raftIndex")), u64(r.path("dbSize")), r.path("version").asText(null)));
    }

    /** {@code etcdctl member list}, as one member sees it. */
    public List<MemberInfo> members(String endpoint, Duration timeout) throws IOException {
        List<MemberInfo> out = new ArrayList<>();
        for (JsonNode m : call(endpoint, "cluster/member/list", "{}", timeout).path("members")) {
            out.add(new MemberInfo(u64(m.path("ID")), m.path("name").asText(""), texts(m.path("peerURLs")),
                    texts(m.path("clientURLs"))));
        }
        return out;
    }

    /** Alarms (NOSPACE, CORRUPT) by member ID. */
    public Map<Long, List<String>> alarms(String endpoint, Duration timeout) throws IOException {
        Map<Long, List<String>> out = new HashMap<>();
        for (JsonNode a : call(endpoint, "maintenance/alarm", "{\"action\":\"GET\"}", timeout).path("alarms")) {
            out.computeIfAbsent(u64(a.path("memberID")), k -> new ArrayList<>()).add(a.path("alarm").asText("NONE"));
        }
        return out;
    }

    /** Every key under a prefix; linearizable (through the leader, needs quorum) unless {@code serializable}. */
    public List<KeyValue> prefix(String endpoint, String prefix, boolean serializable, Duration timeout) throws IOException {
        ObjectNode req = JSON.createObjectNode()
                .put("key", b64(prefix.getBytes(StandardCharsets.UTF_8)))
                .put("range_end", b64(rangeEnd(prefix.getBytes(StandardCharsets.UTF_8))));
        if (serializable) {
            req.put("serializable", true);
        }
        List<KeyValue> out = new ArrayList<>();
        for (JsonNode kv : call(endpoint, "kv/range", req.toString(), timeout).path("kvs")) {
            out.add(new KeyValue(text(kv.path("key")), text(kv.path("value")), u64(kv.path("create_revision")),
                    u64(kv.path("lease"))));
        }
        return out;
    }

    /** One key, linearizable (through the leader: no quorum, no answer); empty when nobody holds it. */
    public Optional<KeyValue> key(String endpoint, String key, Duration timeout) throws IOException {
        String req = JSON.createObjectNode().put("key", b64(key.getBytes(StandardCharsets.UTF_8))).toString();
        for (JsonNode kv : call(endpoint, "kv/range", req, timeout).path("kvs")) {
            return Optional.of(new KeyValue(text(kv.path("key")), text(kv.path("value")), u64(kv.path("create_revision")),
                    u64(kv.path("lease"))));
        }
        return Optional.empty();
    }

    /** Seconds left on a lease ({@code etcdctl lease timetolive}); null when it has expired or is unknown. */
    public Long leaseTimeToLive(String endpoint, long lease, Duration timeout) throws IOException {
        JsonNode ttl = call(endpoint, "lease/timetolive", "{\"ID\":" + lease + "}", timeout).path("TTL");
        long t = ttl.isMissingNode() ? -1 : Long.parseLong(ttl.asText("-1"));
        return t < 0 ? null : t;
    }

    /**
     * What {@code etcdctl endpoint health} does: a linearizable read of one key, which needs the member's quorum.
     * With auth on, a user may not read the key {@code health}: etcd checks that permission only after the read
     * has gone through the leader, so "permission denied" proves quorum as well (etcdctl counts it healthy too).
     */
    public void quorumRead(String endpoint, Duration timeout) throws IOException {
        try {
            send(endpoint, "kv/range", "{\"key\":\"" + b64("health".getBytes(StandardCharsets.UTF_8)) + "\"}", timeout);
        } catch (HttpJson.StatusException e) {
            if (!etcdError(e).contains("permission denied")) {
                throw explained(e);
            }
        }
    }

    private JsonNode call(String endpoint, String path, String body, Duration timeout) throws IOException {
        try {
            return send(endpoint, path, body, timeout);
        } catch (HttpJson.StatusException e) {
            throw explained(e);
        }
    }

    /** One request, asked again with a new token once when etcd says the old one is no longer valid. */
    private JsonNode send(String endpoint, String path, String body, Duration timeout) throws IOException {
        String url = EtcdMapping.trimSlash(endpoint) + "/v3/" + path;
        try {
            return JSON.readTree(http.post(url, body, auth(endpoint, timeout), timeout));
        } catch (HttpJson.StatusException e) {
            if (!credentials() || !tokenRejected(e)) {
                throw e;
            }
            tokens.remove(endpoint);
            return JSON.readTree(http.post(url, body, auth(endpoint, timeout), timeout));
        }
    }

    private boolean credentials() {
        return etcd != null && etcd.username() != null && etcd.password() != null;
    }

    private Map<String, String> auth(String endpoint, Duration timeout) throws IOException {
        if (!credentials()) {
            return Map.of();
        }
        String token = tokens.get(endpoint);
        if (token == null) {
            token = authenticate(endpoint, timeout);
        }
        return Map.of("Authorization", token);
    }

    /**
     * A token for one endpoint, asked for once even when a reading's first requests to it start together
     * (status, member list, quorum read): etcd checks each password with bcrypt, which costs it CPU.
     */
    private String authenticate(String endpoint, Duration timeout) throws IOException {
        synchronized (authLocks.computeIfAbsent(endpoint, k -> new Object())) {
            String token = tokens.get(endpoint);
            if (token != null) {
                return token;
            }
            ObjectNode req = JSON.createObjectNode().put("name", etcd.username()).put("password", etcd.password().reveal());
            String url = EtcdMapping.trimSlash(endpoint) + "/v3/auth/authenticate";
            try {
                token = JSON.readTree(http.post(url, req.toString(), Map.of(), timeout)).path("token").asText("");
            } catch (HttpJson.StatusException e) {
                String said = etcdError(e);
                throw new ProbeException("etcd user " + etcd.username() + ": authentication failed"
                        + (said.contains("invalid user ID or password") ? " (wrong user or password)" : said.isEmpty() ? "" : ": " + said));
            }
            if (token.isEmpty()) {
                throw new ProbeException("etcd authentication failed: no token in the answer");
            }
            tokens.put(endpoint, token);
            return token;
        }
    }

    private static boolean tokenRejected(HttpJson.StatusException e) {
        String m = etcdError(e);
        return e.status() == 401 || m.contains("invalid auth token") || m.contains("user name is empty");
    }

    /** etcd's own words for a refusal ("etcdserver: request timed out"), not just the HTTP status. */
    private static ProbeException explained(HttpJson.StatusException e) {
        String m = etcdError(e);
        return new ProbeException(m.isEmpty() ? e.getMessage() : "etcd: " + m);
    }

    private static String etcdError(HttpJson.StatusException e) {
        try {
            JsonNode n = JSON.readTree(e.body());
            String m = n.path("message").asText(n.path("error").asText(""));
            return m.length() > 160 ? m.substring(0, 160) : m;
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    /** The gRPC gateway writes 64-bit numbers as JSON strings and leaves zero values out. */
    static long u64(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return 0;
        }
        String s = n.asText("0");
        try {
            return Long.parseUnsignedLong(s.isEmpty() ? "0" : s);
        } catch (NumberFormatException e) {
            throw new ProbeException("etcd answered a number hadeck cannot read: " + s);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode base64) {
        return base64.isMissingNode() ? "" : new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    /** The first key after every key with this prefix: the prefix with its last byte below 0xff raised by one. */
    static byte[] rangeEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xff) {
                end[i]++;
                return java.util.Arrays.copyOf(end, i + 1);
            }
        }
        return new byte[] {0};   // every key
    }
}
