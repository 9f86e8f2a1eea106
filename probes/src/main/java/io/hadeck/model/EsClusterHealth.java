package io.hadeck.model;

import java.util.List;

/** _cluster/health plus the node list, as one reading of the Elasticsearch cluster. */
public record EsClusterHealth(String clusterName, EsStatus status, int nodes, int dataNodes, int activeShards,
                              int relocatingShards, int initializingShards, int unassignedShards,
                              double activeShardsPercent, List<EsNode> nodeList) {
    public EsClusterHealth {
        nodeList = List.copyOf(nodeList);
    }
}
