package io.hadeck.probe.chef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.probe.ProbeException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE one place that knows the shape of {@code chef-backend-ctl cluster-status --json}.
 *
 * <p>Documented (Chef Backend docs, see LAB-NOTES.md and seeds 004): the text form is a table with
 * the columns Name, IP, GUID, Role, PG, ES; Role is the leaderl state (leader, follower,
 * waiting_for_leader); PG is leader/follower; ES is master/not_master. leaderl: leader TTL 30 s,
 * failover can be disabled cluster-wide.
 *
 * <p>ASSUMED (not published; chef-backend-ctl is not installable here): the JSON is either a list
 * of node objects or an object holding such a list under "nodes" (or under any other single list
 * field); each node object carries the table's columns as keys in any case ("name"/"Name",
 * "ip", "guid"/"id", "role", "pg", "es"); an optional boolean "failover_enabled" (or
 * "cluster_failover") at the top level says whether cluster failover is on, absent meaning on.
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
            for (String k : List.of("ip", "guid", "id", "pg", "es")) {
                if (f.get(k) != null) {
                    tags.put(k, f.get(k));
                }
            }
            String state = "pg " + f.getOrDefault("pg", "?") + ", es " + f.getOrDefault("es", "?");
            members.add(new HaMember(name, role, state, true, null, null, null, tags));
        }
        boolean failover = flag(root, "failover_enabled", flag(root, "cluster_failover", true));
        return new HaState("chef-backend", leader, null, failover, members, null);
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

    private static boolean flag(JsonNode root, String field, boolean otherwise) {
        return root.isObject() && root.has(field) && root.get(field).isBoolean() ? root.get(field).asBoolean() : otherwise;
    }
}
