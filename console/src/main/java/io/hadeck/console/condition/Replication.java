package io.hadeck.console.condition;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import java.util.Optional;

/** Who streams WAL: a standby's own WAL receiver, else the primary's pg_stat_replication row for it. */
final class Replication {

    private Replication() {
    }

    static long streamingCount(ClusterSnapshot s) {
        long byReceiver = s.standbys().stream().filter(n -> receiverStreaming(n).orElse(false)).count();
        long bySender = s.primary().flatMap(Replication::pg)
                .map(p -> p.replication().stream().filter(PgInstance.PgReplication::isStreaming).count())
                .orElse(0L);
        return Math.max(byReceiver, bySender);
    }

    static Value streaming(ClusterSnapshot s, String node) {
        Optional<NodeView> n = s.node(node);
        if (n.isEmpty()) {
            return Value.unknown(Value.Type.BOOL, "no node " + node);
        }
        Optional<PgInstance> own = pg(n.get());
        if (own.isPresent() && own.get().isPrimary()) {
            return Value.bool(false);
        }
        Optional<Boolean> receiver = receiverStreaming(n.get());
        if (receiver.isPresent() && receiver.get()) {
            return Value.bool(true);
        }
        Optional<PgInstance> primary = s.primary().flatMap(Replication::pg);
        if (primary.isPresent()) {
            return Value.bool(primary.get().replication().stream().anyMatch(r ->
                    node.equals(r.applicationName()) && r.isStreaming()));
        }
        return own.isPresent() ? Value.bool(false)
                : Value.unknown(Value.Type.BOOL, node + " and the primary are unreadable");
    }

    private static Optional<Boolean> receiverStreaming(NodeView n) {
        return pg(n).filter(p -> !p.isPrimary())
                .map(PgInstance::isStreaming);
    }

    private static Optional<PgInstance> pg(NodeView n) {
        return n.postgres() == null ? Optional.empty() : n.postgres().get();
    }
}
