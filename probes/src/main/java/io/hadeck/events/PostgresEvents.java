package io.hadeck.events;

import io.hadeck.config.ClusterConfig.Thresholds;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.util.List;
import java.util.Optional;

/** Who is primary, role changes, standbys streaming or not, lag crossing thresholds. */
final class PostgresEvents {
    private PostgresEvents() {
    }

    static void detect(ClusterSnapshot before, ClusterSnapshot after, Thresholds t, Transitions out) {
        primary(before, after, out);
        for (NodeView now : after.nodes()) {
            Optional<PgInstance> a = pg(now);
            Optional<PgInstance> b = before.node(now.name()).flatMap(PostgresEvents::pg);
            if (a.isPresent() && b.isPresent()) {
                node(now.name(), b.get(), a.get(), t, out);
            }
        }
    }

    private static void primary(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        List<String> was = names(before.primaries());
        List<String> now = names(after.primaries());
        if (was.equals(now)) {
            return;
        }
        if (now.size() > 1) {
            out.add(Severity.CRIT, null, now.size() + " writable primaries: " + String.join(", ", now));
        } else if (now.isEmpty()) {
            out.add(Severity.CRIT, null, "no writable primary (was " + (was.isEmpty() ? "none" : String.join(", ", was)) + ")");
        } else if (was.size() == 1) {
            out.add(Severity.WARN, now.get(0), "primary changed: " + was.get(0) + " → " + now.get(0));
        } else if (was.isEmpty()) {
            out.add(Severity.OK, now.get(0), "is the primary");
        } else {
            out.add(Severity.OK, now.get(0), "single writable primary again (was " + String.join(", ", was) + ")");
        }
    }

    private static void node(String node, PgInstance b, PgInstance a, Thresholds t, Transitions out) {
        if (b.role() != a.role()) {
            out.add(Severity.WARN, node, "PostgreSQL role " + word(b) + " → " + word(a) + " (timeline " + a.timeline() + ")");
            return;
        }
        if (a.isPrimary()) {
            return;
        }
        boolean wasStreaming = b.isStreaming();
        boolean isStreaming = a.isStreaming();
        if (wasStreaming && !isStreaming) {
            out.add(Severity.WARN, node, "standby stopped streaming (WAL receiver "
                    + (a.walReceiver() == null ? "not running" : a.walReceiver().status()) + ")");
        } else if (!wasStreaming && isStreaming) {
            out.add(Severity.OK, node, "standby started streaming from " + a.walReceiver().senderHost());
        }
        Severity lagBefore = LagLevel.of(b, t);
        Severity lagAfter = LagLevel.of(a, t);
        if (lagBefore != lagAfter) {
            String text = lagAfter == Severity.OK
                    ? "replication lag back under the warn threshold: " + LagLevel.describe(a)
                    : "replication lag crossed the " + lagAfter.word().toLowerCase() + " threshold: " + LagLevel.describe(a);
            out.add(lagAfter, node, text);
        }
    }

    private static String word(PgInstance pg) {
        return pg.isPrimary() ? "primary" : "standby";
    }

    private static List<String> names(List<NodeView> nodes) {
        return nodes.stream().map(NodeView::name).sorted().toList();
    }

    static Optional<PgInstance> pg(NodeView n) {
        return n.postgres() == null ? Optional.empty() : n.postgres().get();
    }
}
