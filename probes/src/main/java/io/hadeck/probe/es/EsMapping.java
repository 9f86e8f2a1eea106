package io.hadeck.probe.es;

import io.hadeck.model.EsStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.probe.ProbeException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pure: {@code _cluster/health} and {@code _cat/nodes?format=json} JSON → the model. The field
 * names are the same in Elasticsearch 7, 8 and 9; a missing one is a clear error, never an NPE.
 */
public final class EsMapping {

    private EsMapping() {
    }

    public static EsClusterHealth health(String from, JsonNode health, JsonNode catNodes) {
        if (health == null || !health.isObject()) {
            throw shape(from, "not a JSON object");
        }
        return new EsClusterHealth(text(health, "cluster_name"), EsStatus.of(required(from, health, "status").asText()),
                required(from, health, "number_of_nodes").asInt(), health.path("number_of_data_nodes").asInt(),
                health.path("active_shards").asInt(), health.path("relocating_shards").asInt(),
                health.path("initializing_shards").asInt(), health.path("unassigned_shards").asInt(),
                health.path("active_shards_percent_as_number").asDouble(), nodes(from, catNodes));
    }

    public static List<EsNode> nodes(String from, JsonNode catNodes) {
        if (catNodes == null || !catNodes.isArray()) {
            throw shape(from, "_cat/nodes is not a list");
        }
        List<EsNode> out = new ArrayList<>();
        for (JsonNode n : catNodes) {
            String name = required(from, n, "name").asText();
            out.add(new EsNode(name, text(n, "ip"), roles(text(n, "node.role")), "*".equals(text(n, "master")),
                    integer(n, "heap.percent"), dbl(n, "disk.used_percent"), text(n, "version")));
        }
        return out;
    }

    /** The ES node that is this configured node: same name, or same IP as its host or ES endpoint. */
    public static Optional<EsNode> match(NodeConfig node, List<EsNode> esNodes) {
        String endpointHost = node.elasticsearch() == null ? null : hostOf(node.elasticsearch());
        return esNodes.stream().filter(e -> e.name().equals(node.name())).findFirst()
                .or(() -> esNodes.stream().filter(e -> e.ip() != null
                        && (e.ip().equals(node.host()) || e.ip().equals(endpointHost))).findFirst());
    }

    private static String hostOf(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** _cat/nodes gives roles as letters ("dim", "cdhilmrstw"); keep one entry per letter. */
    private static List<String> roles(String letters) {
        if (letters == null || letters.equals("-")) {
            return List.of();
        }
        return letters.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }

    private static JsonNode required(String from, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw shape(from, "missing '" + field + "'");
        }
        return v;
    }

    private static ProbeException shape(String from, String what) {
        return new ProbeException("unexpected response shape from Elasticsearch " + from + ": " + what);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode n, String field) {
        String t = text(n, field);
        try {
            return t == null ? null : Integer.valueOf(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double dbl(JsonNode n, String field) {
        String t = text(n, field);
        try {
            return t == null ? null : Double.valueOf(t.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
