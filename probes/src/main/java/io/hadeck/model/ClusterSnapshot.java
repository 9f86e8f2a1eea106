package io.hadeck.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One immutable picture of a cluster: every node's latest readings, the cluster-wide readings and
 * the findings derived from them. Panes, commands and runbooks read only this, never a reader.
 *
 * @param seq      increases by one with every published snapshot of a watcher
 * @param etcd     cluster-wide etcd reading, null when the cluster has no etcd
 * @param es       Elasticsearch cluster health, null when the cluster has no Elasticsearch
 * @param ha       the HA manager's state, null when the cluster has no HA manager
 * @param findings worst first
 */
public record ClusterSnapshot(long seq, Instant takenAt, String cluster, List<NodeView> nodes,
                              Observation<EtcdCluster> etcd, Observation<EsClusterHealth> es,
                              Observation<HaState> ha, List<Finding> findings, ReadProgress progress) {

    /** A snapshot of a completed read (one-shot reads, recordings). */
    public ClusterSnapshot(long seq, Instant takenAt, String cluster, List<NodeView> nodes,
                           Observation<EtcdCluster> etcd, Observation<EsClusterHealth> es,
                           Observation<HaState> ha, List<Finding> findings) {
        this(seq, takenAt, cluster, nodes, etcd, es, ha, findings, ReadProgress.COMPLETE);
    }

    public ClusterSnapshot {
        progress = progress == null ? ReadProgress.COMPLETE : progress;
        nodes = List.copyOf(nodes);
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::code))
                .toList();
    }

    public ClusterSnapshot withFindings(List<Finding> newFindings) {
        return new ClusterSnapshot(seq, takenAt, cluster, nodes, etcd, es, ha, newFindings, progress);
    }

    public ClusterSnapshot withProgress(ReadProgress p) {
        return new ClusterSnapshot(seq, takenAt, cluster, nodes, etcd, es, ha, findings, p);
    }

    public Optional<NodeView> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** Nodes whose PostgreSQL answered, right now, that it is not in recovery. */
    public List<NodeView> primaries() {
        return nodes.stream().filter(n -> pg(n).map(PgInstance::isPrimary).orElse(false)).toList();
    }

    /** The one writable primary, empty when there is none or more than one. */
    public Optional<NodeView> primary() {
        List<NodeView> p = primaries();
        return p.size() == 1 ? Optional.of(p.get(0)) : Optional.empty();
    }

    public List<NodeView> standbys() {
        return nodes.stream().filter(n -> pg(n).map(pg -> !pg.isPrimary()).orElse(false)).toList();
    }

    /** Who the HA manager's leader key names, if anyone. */
    public Optional<String> leaderKeyHolder() {
        return ha == null ? Optional.empty() : ha.get().map(h -> h.leader().holder());
    }

    public Severity worst() {
        return findings.isEmpty() ? Severity.OK : findings.get(0).severity();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static Optional<PgInstance> pg(NodeView n) {
        return n.postgres() == null ? Optional.empty() : n.postgres().get();
    }
}
