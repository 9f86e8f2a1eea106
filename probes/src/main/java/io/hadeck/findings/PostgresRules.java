package io.hadeck.findings;

import io.hadeck.units.Sizes;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who accepts writes, and whether every standby follows that primary closely and on its timeline. */
final class PostgresRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        List<NodeView> pgNodes = f.nodes().stream().filter(n -> n.postgres() != null).toList();
        if (pgNodes.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<NodeView> primaries = f.primaries();
        if (primaries.size() > 1) {
            out.add(twoPrimaries(f, primaries));
        } else if (primaries.isEmpty()) {
            out.add(noPrimary(f, pgNodes));
        } else {
            NodeView primary = primaries.get(0);
            PgInstance p = f.pg(primary).orElseThrow();
            slots(f, primary, p, out);
            for (NodeView n : pgNodes) {
                f.pg(n).filter(pg -> !pg.isPrimary()).ifPresent(s -> standby(f, primary, p, n, s, out));
            }
        }
        return out;
    }

    private static Finding twoPrimaries(Facts f, List<NodeView> primaries) {
        List<String> names = primaries.stream().map(NodeView::name).toList();
        String holder = f.haState().map(h -> h.leader().holder()).orElse(null);
        List<String> old = holder == null ? List.of() : names.stream().filter(n -> !n.equals(holder)).toList();
        String who = holder == null ? "" : " (the leader key names " + holder + ")";
        String fence = old.isEmpty() ? "the primary that should not be" : Words.names(old);
        return new Finding(Severity.CRIT, "PG_TWO_PRIMARIES", names,
                Words.names(names) + " both accept writes" + who + ": a split-brain, clients may be writing to both.",
                ManagerVerbs.of(f) == ManagerVerbs.CHEF_BACKEND
                        ? "Fence the old primary " + fence + " (stop its postmaster or cut its network); do not write to it; "
                        + "then rejoin it as a standby with pg_rewind (" + ManagerVerbs.CHEF_BACKEND.rejoin + ")."
                        : (old.size() == 1 ? "Fence the old primary: hadeck fence " + old.get(0) + " (key X on " + old.get(0)
                        + ") stops its postmaster; then rejoin it as a standby: hadeck rejoin " + old.get(0) + "."
                        : "Fence the old primary " + fence + " (hadeck fence NODE stops its postmaster); do not write to it; "
                        + "then rejoin it as a standby (hadeck rejoin NODE)."));
    }

    /** An inactive slot keeps every WAL segment since its restart_lsn: the primary's disk fills while nobody uses it. */
    private static void slots(Facts f, NodeView primary, PgInstance p, List<Finding> out) {
        long limit = f.thresholds.lagCritBytes();
        for (PgInstance.PgSlot slot : p.slots()) {
            if (slot.active() || slot.retainedBytes() == null || slot.retainedBytes() < limit) {
                continue;
            }
            out.add(new Finding(Severity.WARN, "SLOT_RETAINING_WAL", List.of(primary.name()),
                    "Replication slot " + slot.name() + " on " + primary.name() + " is inactive and holds "
                            + Sizes.bytes(slot.retainedBytes()) + " of WAL (limit " + Sizes.bytes(limit) + ", thresholds.lagCrit):"
                            + " the primary's disk fills until the slot is used or dropped.",
                    "Bring its standby back (hadeck rejoin NODE); if that standby is gone for good, drop the slot on "
                            + primary.name() + ": SELECT pg_drop_replication_slot('" + slot.name() + "');"));
        }
    }

    private static Finding noPrimary(Facts f, List<NodeView> pgNodes) {
        List<String> unknown = pgNodes.stream().filter(n -> f.pg(n).isEmpty()).map(NodeView::name).toList();
        String detail = unknown.isEmpty() ? "every node answered as a standby"
                : Words.names(unknown) + (unknown.size() == 1 ? " does" : " do") + " not answer freshly";
        return new Finding(Severity.CRIT, "PG_NO_PRIMARY", pgNodes.stream().map(NodeView::name).toList(),
                "No PostgreSQL node accepts writes: " + detail + ".",
                "Check the HA manager (" + ManagerVerbs.of(f).list + "); if no leader is elected within the TTL, fail over "
                        + "to the most advanced standby.");
    }

    private static void standby(Facts f, NodeView primary, PgInstance p, NodeView n, PgInstance s, List<Finding> out) {
        StandbyStreamRules.of(f, primary, p, n, s).ifPresent(out::add);
        lag(f, primary, n, s).ifPresent(out::add);
        if (s.replayPaused()) {
            out.add(new Finding(Severity.WARN, "REPLAY_PAUSED", List.of(n.name()),
                    n.name() + " receives WAL but its replay is paused: its data is getting older.",
                    "Resume on " + n.name() + ": SELECT pg_wal_replay_resume();"));
        }
    }

    private static Optional<Finding> lag(Facts f, NodeView primary, NodeView n, PgInstance s) {
        var t = f.thresholds;
        long bytes = s.lagBytes() == null ? 0 : s.lagBytes();
        double secs = s.lagSeconds() == null ? 0 : s.lagSeconds();
        Severity sev = bytes >= t.lagCritBytes() || secs >= t.lagCritTime().toMillis() / 1000.0 ? Severity.CRIT
                : bytes >= t.lagWarnBytes() || secs >= t.lagWarnTime().toMillis() / 1000.0 ? Severity.WARN : null;
        if (sev == null) {
            return Optional.empty();
        }
        return Optional.of(new Finding(sev, "REPLICA_LAG", List.of(n.name(), primary.name()),
                n.name() + " is " + Sizes.bytes(bytes) + " (" + Words.seconds(secs) + ") behind the primary "
                        + primary.name() + ".",
                "Do not fail over to " + n.name() + " while it lags; check its disk and network and "
                        + "long-running queries on it (hot_standby_feedback, max_standby_streaming_delay)."));
    }
}
