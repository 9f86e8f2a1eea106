package io.hadeck.watch;

import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgInstance.PgReplication;

import java.util.List;
import java.util.Optional;

/**
 * Pure: a standby's lag measured against the primary of the same snapshot, when exactly one
 * primary answered. The standby alone only knows received − replayed, which hides a receiver that
 * has fallen behind; so bytes are how far its replay is behind the primary's current WAL position.
 * The two readings are up to one poll apart, hence negative results are clamped to zero.
 *
 * <p>Seconds: 0 when nothing is left to replay, because the standby's own clock (time since its last
 * replayed transaction) grows on a primary that simply has no writes. While bytes are pending, the
 * primary's pg_stat_replication replay_lag for that standby is the measured figure. Without a row
 * (not streaming) that clock counts only for WAL the standby holds and has not replayed; WAL it has
 * not received is unknown in seconds: right after a failover it is a few bytes of the promotion,
 * and the clock would call them as old as the last transaction before it.
 */
final class StandbyLag {
    private StandbyLag() {
    }

    static List<NodeView> apply(List<NodeView> nodes) {
        List<PgInstance> primaries = nodes.stream().map(StandbyLag::pg).filter(p -> p != null && p.isPrimary()).toList();
        if (primaries.size() != 1 || primaries.get(0).currentLsn() == null) {
            return nodes;
        }
        PgInstance primary = primaries.get(0);
        return nodes.stream().map(n -> {
            PgInstance p = pg(n);
            if (p == null || p.isPrimary() || p.replayedLsn() == null) {
                return n;
            }
            long bytes = Math.max(0, primary.currentLsn().minus(p.replayedLsn()));
            Double seconds = bytes == 0 ? Double.valueOf(0) : seconds(p, row(primary, n));
            Observation<PgInstance> o = n.postgres();
            return n.withPostgres(new Observation<>(p.withLag(bytes, seconds), null, o.readAt(), o.took()));
        }).toList();
    }

    /**
     * Real byte lag. A streaming standby's replay_lag is null only between a quiet spell (PostgreSQL
     * clears it once the standby has replayed everything) and its next reply: unknown, not the
     * minutes since the last transaction.
     */
    private static Double seconds(PgInstance standby, Optional<PgReplication> row) {
        if (row.isPresent()) {
            return row.get().replayLagSeconds();
        }
        boolean pendingHere = standby.receivedLsn() != null && standby.receivedLsn().compareTo(standby.replayedLsn()) > 0;
        return pendingHere ? standby.replayAgeSeconds() : null;
    }

    /**
     * The standby's pg_stat_replication row: Patroni (and most setups) name the connection after the
     * node; otherwise the client address, if only one row has it (standbys on one host share it).
     */
    static Optional<PgReplication> row(PgInstance primary, NodeView standby) {
        List<PgReplication> rows = primary.replication();
        Optional<PgReplication> byName = rows.stream().filter(r -> standby.name().equals(r.applicationName())).findFirst();
        if (byName.isPresent() || standby.host() == null) {
            return byName;
        }
        List<PgReplication> byAddr = rows.stream().filter(r -> standby.host().equals(address(r.clientAddr()))).toList();
        return byAddr.size() == 1 ? Optional.of(byAddr.get(0)) : Optional.empty();
    }

    /** inet as text carries a prefix length ("10.0.0.12/32"). */
    private static String address(String inet) {
        if (inet == null) {
            return null;
        }
        int slash = inet.indexOf('/');
        return slash < 0 ? inet : inet.substring(0, slash);
    }

    private static PgInstance pg(NodeView n) {
        return n.postgres() == null ? null : n.postgres().value();
    }
}
