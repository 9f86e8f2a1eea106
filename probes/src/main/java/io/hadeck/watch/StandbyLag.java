package io.hadeck.watch;

import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;

import java.util.List;

/**
 * Pure: a standby's lag in bytes is how far its replay is behind the primary's current WAL
 * position. The standby alone only knows received − replayed, which hides a receiver that has
 * fallen behind; so when exactly one primary answered, measure against its position. The two
 * readings are up to one poll apart, hence negative results are clamped to zero.
 */
final class StandbyLag {
    private StandbyLag() {
    }

    static List<NodeView> apply(List<NodeView> nodes) {
        List<Lsn> primaries = nodes.stream().map(n -> pg(n)).filter(p -> p != null && p.isPrimary())
                .map(PgInstance::currentLsn).toList();
        if (primaries.size() != 1 || primaries.get(0) == null) {
            return nodes;
        }
        Lsn primary = primaries.get(0);
        return nodes.stream().map(n -> {
            PgInstance p = pg(n);
            if (p == null || p.isPrimary() || p.replayedLsn() == null) {
                return n;
            }
            long lag = Math.max(0, primary.minus(p.replayedLsn()));
            PgInstance withLag = p.withLag(lag, p.lagSeconds());
            Observation<PgInstance> o = n.postgres();
            return n.withPostgres(new Observation<>(withLag, null, o.readAt(), o.took()));
        }).toList();
    }

    private static PgInstance pg(NodeView n) {
        return n.postgres() == null ? null : n.postgres().value();
    }
}
