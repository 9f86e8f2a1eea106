package io.hadeck.model;

import java.util.List;

/** One Elasticsearch node as _cat/nodes / _nodes/stats report it. */
public record EsNode(String name, String ip, List<String> roles, boolean electedMaster, Integer heapPercent,
                     Double diskUsedPercent, String version) {
    public EsNode {
        roles = List.copyOf(roles);
    }

    public boolean isMasterEligible() {
        return roles.contains("master") || roles.contains("m");
    }

    public boolean isData() {
        return roles.stream().anyMatch(r -> r.equals("data") || r.startsWith("data_") || r.equals("d"));
    }
}
