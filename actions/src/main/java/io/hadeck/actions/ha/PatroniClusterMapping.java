package io.hadeck.actions.ha;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.actions.ActionException;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Patroni's {@code GET /cluster} answer as an {@link HaState}. Patroni 3.0.2 says role
 * {@code master}/{@code leader} and state {@code running}; newer ones say {@code primary} and
 * {@code streaming}: both are accepted and normalised to leader/replica.
 */
final class PatroniClusterMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatroniClusterMapping() {
    }

    static HaState map(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            throw new ActionException("Patroni /cluster answered something that is not JSON");
        }
        List<HaMember> members = new ArrayList<>();
        String leader = null;
        for (JsonNode m : root.path("members")) {
            String role = normaliseRole(m.path("role").asText(""));
            Map<String, String> tags = new HashMap<>();
            m.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            boolean nofailover = "true".equalsIgnoreCase(tags.getOrDefault("nofailover", "false"));
            Long lag = m.path("lag").isNumber() ? m.path("lag").asLong() : null;
            Integer tl = m.path("timeline").isNumber() ? m.path("timeline").asInt() : null;
            members.add(new HaMember(m.path("name").asText(), role, m.path("state").asText(""), !nofailover, lag, tl,
                    m.path("api_url").asText(null), tags));
            if (role.equals("leader") || role.equals("standby_leader")) {
                leader = m.path("name").asText();
            }
        }
        boolean paused = root.path("pause").asBoolean(false);
        String pending = root.has("scheduled_switchover") ? root.path("scheduled_switchover").toString() : null;
        return new HaState("patroni", leader, null, !paused, members, pending);
    }

    static String normaliseRole(String role) {
        return switch (role) {
            case "master", "primary", "leader" -> "leader";
            case "replica", "sync_standby" -> "replica";
            default -> role;
        };
    }
}
