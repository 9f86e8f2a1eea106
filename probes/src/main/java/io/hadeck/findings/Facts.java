package io.hadeck.findings;

import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot as rules may see it: only fresh, good readings count as current truth; a stale or
 * failed reading is "unknown", never the last good value.
 */
final class Facts {

    final ClusterSnapshot snapshot;
    final ClusterConfig.Thresholds thresholds;
    final Instant now;
    final Duration staleLimit;

    Facts(ClusterSnapshot snapshot, ClusterConfig.Thresholds thresholds) {
        this.snapshot = snapshot;
        this.thresholds = thresholds;
        this.now = snapshot.takenAt();
        this.staleLimit = thresholds.stale();
    }

    <T> Optional<T> fresh(Observation<T> o) {
        return o == null ? Optional.empty() : o.fresh(now, staleLimit);
    }

    List<NodeView> nodes() {
        return snapshot.nodes();
    }

    Optional<PgInstance> pg(NodeView n) {
        return fresh(n.postgres());
    }

    Optional<HaMember> ha(NodeView n) {
        return fresh(n.ha());
    }

    Optional<EtcdMemberStatus> etcd(NodeView n) {
        return fresh(n.etcd());
    }

    Optional<EsNode> es(NodeView n) {
        return fresh(n.elasticsearch());
    }

    Optional<DrbdStatus> drbd(NodeView n) {
        return fresh(n.drbd());
    }

    Optional<HaState> haState() {
        return fresh(snapshot.ha());
    }

    /** Nodes whose PostgreSQL said, freshly, that it accepts writes. */
    List<NodeView> primaries() {
        return nodes().stream().filter(n -> pg(n).map(PgInstance::isPrimary).orElse(false)).toList();
    }

    /** Whether the node is, as far as anyone can tell, the primary: leader key, HA role or PG itself. */
    boolean isPrimaryNode(NodeView n) {
        if (pg(n).map(PgInstance::isPrimary).orElse(false)) {
            return true;
        }
        Optional<HaState> ha = haState();
        if (ha.isPresent() && n.name().equals(ha.get().leader().holder())) {
            return true;
        }
        return ha(n).map(m -> Words.isLeaderRole(m.role())).orElse(false);
    }
}
