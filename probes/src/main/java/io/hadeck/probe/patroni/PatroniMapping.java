package io.hadeck.probe.patroni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaSettings;
import io.hadeck.model.Lsn;
import io.hadeck.model.Failover;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.probe.ProbeException;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: Patroni's {@code GET /cluster} JSON and its etcd keys under {@code <namespace><scope>/}
 * → {@link HaState}. Accepts both vocabularies: Patroni 3.0.2 says role master / state running,
 * newer Patroni primary / streaming. The leader key in etcd is the truth for who leads; member
 * records lag reality by up to one loop_wait.
 */
public final class PatroniMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PatroniMapping() {
    }

    /** One etcd key under the scope, relative to it ("leader", "members/node-1", "config"). */
    public record Key(String name, String value, long createRevision, long lease) {
    }

    /** Patroni's word for a role → ours: master/primary/leader → leader; the rest as Patroni says. */
    public static String role(String patroniRole) {
        if (patroniRole == null) {
            return "unknown";
        }
        return switch (patroniRole) {
            case "master", "primary", "leader" -> "leader";
            default -> patroniRole;
        };
    }

    /** Members from {@code GET /cluster}. */
    public static List<HaMember> membersFromRest(JsonNode cluster) {
        JsonNode members = cluster == null ? null : cluster.get("members");
        if (members == null || !members.isArray()) {
            throw new ProbeException("unexpected response shape from Patroni: missing 'members'");
        }
        List<HaMember> out = new ArrayList<>();
        for (JsonNode m : members) {
            Map<String, String> tags = tags(m.get("tags"));
            JsonNode lag = m.get("lag");
            out.add(new HaMember(m.path("name").asText(), role(text(m, "role")), text(m, "state"),
                    !"true".equals(tags.get("nofailover")),
                    lag != null && lag.isNumber() ? lag.asLong() : null,
                    m.hasNonNull("timeline") ? m.get("timeline").asInt() : null, text(m, "api_url"), tags,
                    m.path("pending_restart").asBoolean(false)));
        }
        return out;
    }

    /** Members from their {@code members/<name>} keys, used when no REST API answered. */
    public static List<HaMember> membersFromKeys(List<Key> keys) {
        List<HaMember> out = new ArrayList<>();
        for (Key k : keys) {
            if (!k.name().startsWith("members/")) {
                continue;
            }
            JsonNode m = parse(k.value());
            Map<String, String> tags = tags(m.get("tags"));
            out.add(new HaMember(k.name().substring("members/".length()), role(text(m, "role")), text(m, "state"),
                    !"true".equals(tags.get("nofailover")), null,
                    m.hasNonNull("timeline") ? m.get("timeline").asInt() : null, text(m, "api_url"), tags,
                    m.path("pending_restart").asBoolean(false)));
        }
        return out;
    }

    /**
     * @param rest          {@code GET /cluster} JSON, null when no node answered
     * @param keys          the keys under the scope, null when etcd did not answer
     * @param observedSince when this process first saw the current leader key (fallback for leaderSince)
     */
    public static HaState state(JsonNode rest, List<Key> keys, Instant observedSince) {
        if (rest == null && keys == null) {
            throw new ProbeException("neither Patroni's REST API nor its etcd keys answered");
        }
        Map<String, Key> byName = new LinkedHashMap<>();
        if (keys != null) {
            keys.forEach(k -> byName.put(k.name(), k));
        }
        List<HaMember> members = rest != null ? membersFromRest(rest) : membersFromKeys(keys);
        String holder = keys != null
                ? (byName.containsKey("leader") ? byName.get("leader").value().strip() : null)
                : members.stream().filter(m -> m.role().equals("leader") || m.role().equals("standby_leader"))
                        .map(HaMember::name).findFirst().orElse(null);
        boolean paused = rest != null && rest.path("pause").asBoolean(false)
                || byName.containsKey("config") && parse(byName.get("config").value()).path("pause").asBoolean(false);
        String pending = byName.containsKey("failover") ? byName.get("failover").value().strip()
                : rest != null && rest.has("scheduled_switchover") ? rest.get("scheduled_switchover").toString() : null;
        LeaderKey leader = new LeaderKey(holder,
                holder == null ? null : leaderSince(byName.get("history"), holder, observedSince),
                keys != null ? LeaderKey.From.LEADER_KEY : LeaderKey.From.MEMBER_ROLES, null, null);
        return new HaState("patroni", leader, members,
                Failover.reported(!paused, pending == null || pending.isEmpty() ? null : pending),
                keys == null ? null : settings(byName));
    }

    /**
     * Patroni's dynamic configuration (the {@code config} key, what {@code GET /config} answers), the
     * leader's recorded position ({@code status} key's optime; older Patroni: {@code optime/leader})
     * and the synchronous standby ({@code sync} key). Absent values are Patroni's defaults.
     */
    static HaSettings settings(Map<String, Key> byName) {
        HaSettings d = HaSettings.patroniDefaults();
        JsonNode c = byName.containsKey("config") ? parse(byName.get("config").value()) : JSON.nullNode();
        JsonNode status = byName.containsKey("status") ? parse(byName.get("status").value()) : JSON.nullNode();
        Long optime = status.hasNonNull("optime") ? Long.valueOf(status.get("optime").asLong())
                : byName.containsKey("optime/leader") ? parseLong(byName.get("optime/leader").value()) : null;
        JsonNode sync = byName.containsKey("sync") ? parse(byName.get("sync").value()) : JSON.nullNode();
        String standby = sync.hasNonNull("sync_standby") && !sync.get("sync_standby").asText().isBlank()
                ? sync.get("sync_standby").asText() : null;
        return new HaSettings(c.path("ttl").asLong(d.ttl()), c.path("loop_wait").asLong(d.loopWait()),
                c.path("maximum_lag_on_failover").asLong(d.maximumLagOnFailover()),
                c.path("synchronous_mode").asBoolean(false), c.path("synchronous_mode_strict").asBoolean(false),
                c.path("check_timeline").asBoolean(false), optime == null ? null : new Lsn(optime), standby);
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The last promotion in the history key, when it names the current holder; else when we first saw the key. */
    static Instant leaderSince(Key history, String holder, Instant observedSince) {
        if (history != null) {
            JsonNode h = parse(history.value());
            if (h.isArray() && !h.isEmpty()) {
                JsonNode last = h.get(h.size() - 1);
                if (last.isArray() && last.size() >= 5 && holder.equals(last.get(4).asText())) {
                    try {
                        return OffsetDateTime.parse(last.get(3).asText()).toInstant();
                    } catch (DateTimeParseException e) {
                        // fall through to what we observed ourselves
                    }
                }
            }
        }
        return observedSince;
    }

    private static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tags != null && tags.isObject()) {
            tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
