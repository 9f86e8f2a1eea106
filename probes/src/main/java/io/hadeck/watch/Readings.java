package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.Failover;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The latest observation of every source, updated by whichever reader finishes; a snapshot is a
 * copy of it at one instant. Synchronized: readers finish on different worker threads.
 */
final class Readings {

    private final String cluster;
    private final Map<String, NodeView> nodes = new LinkedHashMap<>();
    private Observation<EtcdCluster> etcd;
    private Observation<EsClusterHealth> es;
    private Observation<HaState> ha;
    private Instant leaderKeyAt;
    private HaState lastGoodHa;

    Readings(ClusterConfig cfg) {
        this.cluster = cfg.name();
        for (NodeConfig n : cfg.nodes()) {
            nodes.put(n.name(), NodeView.empty(n.name(), n.host(), n.runsKeepalived() ? n.peer() : null));
        }
    }

    synchronized void node(String name, UnaryOperator<NodeView> change) {
        nodes.computeIfPresent(name, (k, v) -> change.apply(v));
    }

    synchronized void etcd(Observation<EtcdCluster> o) {
        etcd = o;
    }

    synchronized void es(Observation<EsClusterHealth> o) {
        es = o;
    }

    synchronized void ha(Observation<HaState> o) {
        // A full read that started before the watch saw the leader key move may carry the old holder.
        if (o.isOk() && leaderKeyAt != null && o.readAt().minus(o.took()).isBefore(leaderKeyAt) && ha != null
                && ha.isOk() && !java.util.Objects.equals(o.value().leader().holder(), ha.value().leader().holder())) {
            HaState h = o.value();
            LeaderKey watched = ha.value().leader();
            HaState kept = h.withLeader(h.leader().movedTo(watched.holder(), watched.since()));
            ha = Observation.ok(kept, o.readAt(), o.took());
            lastGoodHa = kept;
            return;
        }
        ha = o;
        if (o.isOk()) {
            lastGoodHa = o.value();
        }
    }

    /** A new leader key value from the etcd watch (null: deleted); false when there is no HA reading to update. */
    synchronized boolean leaderKey(String holder, Instant at) {
        // The last good reading carries members and settings; a failed one in between (the old
        // leader's REST API dying mid-failover) must not hide the key's move.
        HaState h = ha != null && ha.isOk() ? ha.value() : lastGoodHa;
        if (h == null) {
            return false;
        }
        String clean = holder == null || holder.isBlank() ? null : holder.strip();
        if (java.util.Objects.equals(clean, h.leader().holder()) && ha.isOk()) {
            return false;
        }
        leaderKeyAt = at;
        lastGoodHa = h.withLeader(h.leader().movedTo(clean, clean == null ? null : at));
        ha = Observation.ok(lastGoodHa, at, java.time.Duration.ZERO);
        return true;
    }

    synchronized List<String> nodeNames() {
        return List.copyOf(nodes.keySet());
    }

    /** A snapshot without findings; standby lag measured against the primary in this same snapshot. */
    synchronized ClusterSnapshot snapshot(long seq, Instant at) {
        return new ClusterSnapshot(seq, at, cluster, StandbyLag.apply(List.copyOf(nodes.values())), etcd, es, ha,
                List.of());
    }
}
