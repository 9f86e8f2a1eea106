package io.hadeck.findings;

import io.hadeck.model.EsStatus;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** Elasticsearch health colour, unassigned shards, and configured nodes missing from the cluster. */
final class ElasticsearchRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        return f.fresh(f.snapshot.es()).map(h -> rules(f, h)).orElse(List.of());
    }

    private static List<Finding> rules(Facts f, EsClusterHealth h) {
        List<Finding> out = new ArrayList<>();
        String shards = h.unassignedShards() + " unassigned shards, " + Words.percent(h.activeShardsPercent()) + " active";
        if (h.status() == EsStatus.RED) {
            out.add(new Finding(Severity.CRIT, FindingCode.ES_RED, List.of(),
                    "Elasticsearch " + h.clusterName() + " is red: some primary shards are not allocated (" + shards
                            + "); searches and writes to those indices fail.",
                    "Bring back the missing data node; GET _cluster/allocation/explain tells why a shard is "
                            + "unassigned."));
        } else if (h.status() == EsStatus.YELLOW) {
            out.add(new Finding(Severity.WARN, FindingCode.ES_YELLOW, List.of(),
                    "Elasticsearch " + h.clusterName() + " is yellow: all primaries allocated, some replicas not ("
                            + shards + ").",
                    "Bring back the missing node; replicas are reallocated after index.unassigned.node_left."
                            + "delayed_timeout (1 min by default)."));
        }
        if (h.unassignedShards() > 0) {
            out.add(new Finding(h.status() == EsStatus.RED ? Severity.CRIT : Severity.WARN, FindingCode.ES_UNASSIGNED_SHARDS, List.of(),
                    h.unassignedShards() + " Elasticsearch shards are unassigned (" + Words.percent(h.activeShardsPercent())
                            + " active, " + h.initializingShards() + " initializing).",
                    "GET _cluster/allocation/explain"));
        }
        for (NodeView n : f.nodes()) {
            if (n.elasticsearch() != null && h.nodeList().stream().noneMatch(e -> same(n, e))) {
                out.add(new Finding(Severity.WARN, FindingCode.ES_NODE_MISSING, List.of(n.name()),
                        n.name() + " is configured to run Elasticsearch but is not in cluster " + h.clusterName()
                                + "'s node list (" + h.nodes() + " nodes).",
                        "Start Elasticsearch on " + n.name() + " and check its log for discovery or "
                                + "cluster-name errors."));
            }
        }
        return out;
    }

    /** ES node names need not match ours: also match on the node's address. */
    private static boolean same(NodeView n, EsNode e) {
        return n.name().equals(e.name()) || (n.host() != null && n.host().equals(e.ip()));
    }
}
