package io.hadeck.fleet;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Finding;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One configured cluster at a glance: how bad it is, who leads it, how far behind its worst standby
 * is and when something last changed. Derived from a snapshot (and the journal's newest entry) only.
 *
 * @param kind        patroni, chef-backend, drbd pair, or the layers it has
 * @param worst       the worst finding's severity, OK when there is none
 * @param finding     the worst finding ("CODE: message"), null when there is none
 * @param leader      the writable primary, or the DRBD Primary of a pair; null when there is none
 * @param worstLag    the largest standby lag in bytes, null when no standby reports one
 * @param lastChange  the newest of: the leader's "since", the journal's last entry for this cluster
 */
public record FleetRow(String cluster, String kind, Severity worst, String finding, String leader, Long worstLag,
                       Instant lastChange) {

    /** Worst first, then by name: what needs eyes is on top. */
    public static final Comparator<FleetRow> WORST_FIRST = Comparator.comparing(FleetRow::worst).reversed()
            .thenComparing(FleetRow::cluster);

    public static FleetRow of(String kind, ClusterSnapshot s, Instant journalNewest) {
        Finding top = s.findings().isEmpty() ? null : s.findings().get(0);
        Instant since = s.ha() == null ? null : s.ha().get().map(h -> h.leader().since()).orElse(null);
        return new FleetRow(s.cluster(), kind, s.worst(), top == null ? null : top.code() + ": " + top.message(),
                leader(s), worstLag(s), newest(since, journalNewest));
    }

    static String leader(ClusterSnapshot s) {
        List<NodeView> primaries = s.primaries();
        if (primaries.size() == 1) {
            return primaries.get(0).name();
        }
        if (primaries.size() > 1) {
            return String.join("+", primaries.stream().map(NodeView::name).toList());
        }
        return s.nodes().stream().filter(FleetRow::drbdPrimary).map(NodeView::name).findFirst()
                .orElse(s.leaderKeyHolder().orElse(null));
    }

    private static boolean drbdPrimary(NodeView n) {
        Optional<DrbdStatus> d = n.drbd() == null ? Optional.empty() : n.drbd().get();
        return d.map(st -> st.resources().stream().map(DrbdResource::role).anyMatch("Primary"::equals)).orElse(false);
    }

    static Long worstLag(ClusterSnapshot s) {
        return s.standbys().stream().map(n -> n.postgres().get().map(PgInstance::lagBytes).orElse(null))
                .filter(java.util.Objects::nonNull).max(Long::compare).orElse(null);
    }

    private static Instant newest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
