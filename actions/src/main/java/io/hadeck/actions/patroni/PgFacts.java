package io.hadeck.actions.patroni;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Questions the Patroni runbooks ask of one fresh snapshot. Pure. */
final class PgFacts {
    private final ClusterSnapshot s;

    PgFacts(ClusterSnapshot s) {
        this.s = s;
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
                .filter(w -> "streaming".equalsIgnoreCase(w.status()))
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
