package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.ManagerWords;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Questions the Patroni runbooks ask of one fresh snapshot: PostgreSQL on each node, etcd, and
 * Patroni's own state as the screen shows it (probes' PatroniReader: the leader key from etcd,
 * members from {@code GET /cluster}). One snapshot answers every question of a plan or a
 * verification, so its checks never mix two moments. Pure.
 */
final class PgFacts {
    private final ClusterSnapshot s;
    private final ManagerWords words;

    PgFacts(ClusterSnapshot s) {
        this(s, ManagerWords.PATRONI);
    }

    PgFacts(ClusterSnapshot s, ManagerWords words) {
        this.s = s;
        this.words = words;
    }

    /** How sentences name the HA manager of this cluster. */
    ManagerWords words() {
        return words;
    }

    Optional<PgInstance> pg(String node) {
        return s.node(node).map(NodeView::postgres).flatMap(o -> o == null ? Optional.empty() : o.get());
    }

    /** Why PostgreSQL on the node could not be read, or null. */
    String pgError(String node) {
        return s.node(node).map(NodeView::postgres).map(Observation::error).orElse(null);
    }

    boolean isPrimary(String node) {
        return pg(node).map(PgInstance::isPrimary).orElse(false);
    }

    /** The node whose host a standby's WAL receiver streams from, if it streams. */
    Optional<String> streamsFrom(String standby) {
        return pg(standby).filter(p -> !p.isPrimary()).map(PgInstance::walReceiver)
                .filter(PgInstance.PgWalReceiver::isStreaming)
                .flatMap(w -> s.nodes().stream().filter(n -> n.host() != null && n.host().equals(w.senderHost()))
                        .map(NodeView::name).findFirst());
    }

    List<String> primaries() {
        return s.primaries().stream().map(NodeView::name).toList();
    }

    /** Standbys streaming from {@code primary}, in node order. */
    List<String> streamingFrom(String primary) {
        return s.nodes().stream().map(NodeView::name).filter(n -> streamsFrom(n).filter(primary::equals).isPresent())
                .toList();
    }

    /** The WAL position a node has: current on a primary, replayed on a standby. */
    Optional<Lsn> position(String node) {
        return pg(node).map(p -> p.isPrimary() ? p.currentLsn() : p.replayedLsn() != null ? p.replayedLsn() : p.currentLsn());
    }

    /** "node-1: 3, node-2: 0": client sessions on each writable primary, "?" where unknown. */
    String clientSessions() {
        return primaries().stream().map(n -> n + ": " + pg(n).map(PgInstance::clientSessions).map(String::valueOf)
                .orElse("?")).collect(Collectors.joining(", "));
    }

    /** Patroni's state in this snapshot; empty when it could not be read (see {@link #haError()}). */
    Optional<HaState> ha() {
        return s.ha() == null ? Optional.empty() : s.ha().get();
    }

    /** Why Patroni's state could not be read, or null when it was. */
    String haError() {
        return s.ha() == null ? "the cluster has no HA manager configured" : s.ha().error();
    }

    /** Who the leader key names; empty when nobody holds it or Patroni's state is unknown. */
    Optional<String> leaderKeyHolder() {
        return s.leaderKeyHolder();
    }

    /**
     * Why hadeck cannot tell what the node is doing right now, or null when both its PostgreSQL
     * and its Patroni member were read: "PostgreSQL: connection refused (…)".
     */
    String unreadable(String node) {
        Optional<NodeView> v = s.node(node);
        if (v.isEmpty()) {
            return "not in hadeck's configuration of cluster " + s.cluster();
        }
        List<String> why = new ArrayList<>();
        Observation<?> pg = v.get().postgres();
        if (pg == null || !pg.isOk()) {
            why.add("PostgreSQL: " + (pg == null ? "no PostgreSQL configured" : pg.error()));
        }
        Observation<HaMember> ha = v.get().ha();
        if (ha == null || !ha.isOk()) {
            why.add(words.who() + ": " + (ha == null ? "not a " + words.who() + " member" : ha.error()));
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** Nodes that run PostgreSQL whose PostgreSQL could not be read (why: {@link #pgError}), in node order. */
    List<String> unreadablePostgres() {
        return s.nodes().stream().filter(n -> n.postgres() != null && !n.postgres().isOk()).map(NodeView::name).toList();
    }

    /** Every node's name, in the configuration's order. */
    List<String> nodes() {
        return s.nodes().stream().map(NodeView::name).toList();
    }

    /** Standbys whose PostgreSQL answered, in node order. */
    List<String> readableStandbys() {
        return s.standbys().stream().map(NodeView::name).toList();
    }

    /** The Chef Backend seeds' checks read on the node (service table, version); empty when not read. */
    Optional<ChefNodeChecks> chef(String node) {
        return s.node(node).map(NodeView::chef).flatMap(o -> o == null ? Optional.empty() : o.get());
    }

    /** Why the node's Chef Backend checks could not be read, or null. */
    String chefError(String node) {
        return s.node(node).map(NodeView::chef).map(o -> o == null ? "not read (the cluster's manager is not chef-backend)"
                : o.error()).orElse("not a node of cluster " + s.cluster());
    }

    /** When this snapshot was read. */
    java.time.Instant takenAt() {
        return s.takenAt();
    }

    Optional<EtcdCluster> etcd() {
        return s.etcd() == null ? Optional.empty() : s.etcd().get();
    }

    String etcdError() {
        return s.etcd() == null ? "no etcd configured" : s.etcd().error();
    }

    /** "node-2 is primary on timeline 3; node-1, node-3 stream from it" or why there is no primary. */
    String primarySentence() {
        List<String> p = primaries();
        if (p.isEmpty()) {
            String why = s.nodes().stream().filter(n -> n.postgres() != null && !n.postgres().isOk())
                    .map(n -> n.name() + " unreachable (" + n.postgres().error() + ")").collect(Collectors.joining(", "));
            return "no primary" + (why.isEmpty() ? "" : ": " + why);
        }
        if (p.size() > 1) {
            return "TWO WRITABLE PRIMARIES: " + String.join(" and ", p);
        }
        String primary = p.get(0);
        int tl = pg(primary).map(PgInstance::timeline).orElse(0);
        List<String> followers = streamingFrom(primary);
        return primary + " is primary on timeline " + tl + "; "
                + (followers.isEmpty() ? "no standby streams from it" : String.join(", ", followers) + " stream"
                + (followers.size() == 1 ? "s" : "") + " from it");
    }
}
