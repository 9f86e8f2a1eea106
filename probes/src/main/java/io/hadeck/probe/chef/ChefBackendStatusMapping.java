package io.hadeck.probe.chef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.HaMember;
import io.hadeck.model.Failover;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.probe.ProbeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE one place that knows the shape of {@code chef-backend-ctl cluster-status --json}. Every
 * assumption, with the seed line it comes from (the emulator's header, scripts/chef-backend-ctl-emulator,
 * holds the same list for the tool's side: M2, M3):
 * <ul>
 * <li>DOCUMENTED (seed 004, "Identify the node with the leader role using the chef-backend-ctl
 * cluster-status command"): the text form is a table Name, IP, GUID, Role, PG, ES; Role is leaderl's
 * state (leader, follower, waiting_for_leader); PG leader/follower; ES master/not_master.
 * <li>DOCUMENTED (seed 001, "Return cluster health data as JSON"): {@code cluster-status --json} exists.
 * <li>ASSUMED (its shape is not published): a list of node objects, bare or under "nodes" (or under
 * the only list field); each node carries the table's columns as keys in any case.
 * <li>ASSUMED: the cluster failover setting (seed 004 "set-cluster-failover off") is a top-level
 * "failover_enabled" or "cluster_failover", boolean or "on"/"off". When absent, hadeck does not
 * guess: the state says so ({@link HaState#failoverUnreported()}) and a change cannot be verified.
 * <li>ASSUMED: a node's failover setting (seed 001 "set-node-failover") is its "failover" field,
 * boolean or "on"/"off"; when absent, likewise unreported ({@link HaMember#failoverUnreported()}).
 * </ul>
 * Anything else is an "unexpected response shape" error naming the missing part.
 */
public final class ChefBackendStatusMapping {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChefBackendStatusMapping() {
    }

    public static HaState state(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ProbeException("unexpected response shape from chef-backend-ctl cluster-status: not JSON");
        }
        JsonNode nodes = nodeList(root);
        List<HaMember> members = new ArrayList<>();
        String leader = null;
        for (JsonNode n : nodes) {
            Map<String, String> f = lowerCaseFields(n);
            String name = f.get("name");
            String role = f.get("role");
            if (name == null || role == null) {
                throw new ProbeException("unexpected response shape from chef-backend-ctl cluster-status: a node without "
                        + (name == null ? "'name'" : "'role'"));
            }
            if (role.equals("leader")) {
                leader = name;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (String k : List.of("ip", "guid", "id", "pg", "es", "failover")) {
                if (f.get(k) != null) {
                    tags.put(k, f.get(k));
                }
            }
            String state = "pg " + f.getOrDefault("pg", "?") + ", es " + f.getOrDefault("es", "?");
            Boolean nodeFailover = onOff(f.get("failover"));
            members.add(new HaMember(name, role, state, nodeFailover == null || nodeFailover, null, null, null, tags,
                    nodeFailover == null ? SOURCE + " does not report " + name + "'s failover setting (no 'failover')"
                            : null));
        }
        Boolean failover = root.isObject() ? onOff(text(root, "failover_enabled", text(root, "cluster_failover", null)))
                : null;
        return new HaState("chef-backend", LeaderKey.read(leader, null), members, new Failover(failover == null || failover,
                failover == null ? SOURCE + " does not report the cluster failover setting (no 'failover_enabled')" : null,
                null), null);
    }

    private static final String SOURCE = "chef-backend-ctl cluster-status --json";

    /** true/false from a boolean or "on"/"off"/"true"/"false"/"enabled"/"disabled"; null when absent or other. */
    static Boolean onOff(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase()) {
            case "on", "true", "enabled" -> true;
            case "off", "false", "disabled" -> false;
            default -> null;
        };
    }

    private static String text(JsonNode root, String field, String otherwise) {
        JsonNode v = root.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : otherwise;
    }

    private static JsonNode nodeList(JsonNode root) {
        if (root.isArray()) {
            return root;
        }
        if (root.isObject()) {
            if (root.path("nodes").isArray()) {
                return root.get("nodes");
            }
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isArray()) {
                    return v;
                }
            }
        }
        throw new ProbeException("unexpected response shape from chef-backend-ctl cluster-status: no node list");
    }

    private static Map<String, String> lowerCaseFields(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull() && e.getValue().isValueNode()) {
                out.put(e.getKey().toLowerCase(), e.getValue().asText());
            }
        });
        return out;
    }

}
