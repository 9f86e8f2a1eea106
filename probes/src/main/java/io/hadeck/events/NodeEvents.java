package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reachability of each node and each of its layers, and HA manager membership. */
final class NodeEvents {
    private NodeEvents() {
    }

    static void detect(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        for (NodeView now : after.nodes()) {
            before.node(now.name()).ifPresent(was -> reachability(was, now, out));
        }
        haMembership(before, after, out);
    }

    private static void reachability(NodeView was, NodeView now, Transitions out) {
        boolean wasDown = isDown(was);
        boolean isDown = isDown(now);
        if (!wasDown && isDown) {
            out.add(Severity.CRIT, now.name(), "node down: no layer answers (" + firstError(now) + ")");
            return;
        }
        if (wasDown && !isDown) {
            out.add(Severity.OK, now.name(), "node up: answers again");
            return;
        }
        if (isDown) {
            return;
        }
        Map<String, Observation<?>[]> layers = layers(was, now);
        layers.forEach((layer, pair) -> {
            Observation<?> b = pair[0];
            Observation<?> a = pair[1];
            if (b == null || a == null) {
                return;
            }
            if (b.isOk() && !a.isOk()) {
                out.add(Severity.WARN, now.name(), layer + " unreachable: " + a.error());
            } else if (!b.isOk() && a.isOk()) {
                out.add(Severity.OK, now.name(), layer + " reachable again");
            }
        });
    }

    /** Every layer the node runs failed: the node (or its network) is down, not one service. */
    static boolean isDown(NodeView n) {
        List<Observation<?>> obs = observations(n);
        return !obs.isEmpty() && obs.stream().noneMatch(Observation::isOk);
    }

    private static String firstError(NodeView n) {
        return observations(n).stream().filter(o -> !o.isOk()).map(Observation::error).findFirst().orElse("?");
    }

    static List<Observation<?>> observations(NodeView n) {
        List<Observation<?>> all = new ArrayList<>();
        for (Observation<?> o : new Observation<?>[] {n.etcd(), n.postgres(), n.elasticsearch(), n.drbd(), n.ha()}) {
            if (o != null) {
                all.add(o);
            }
        }
        return all;
    }

    private static Map<String, Observation<?>[]> layers(NodeView b, NodeView a) {
        Map<String, Observation<?>[]> m = new LinkedHashMap<>();
        m.put("etcd", new Observation<?>[] {b.etcd(), a.etcd()});
        m.put("PostgreSQL", new Observation<?>[] {b.postgres(), a.postgres()});
        m.put("Elasticsearch", new Observation<?>[] {b.elasticsearch(), a.elasticsearch()});
        m.put("DRBD", new Observation<?>[] {b.drbd(), a.drbd()});
        m.put("HA manager", new Observation<?>[] {b.ha(), a.ha()});
        return m;
    }

    /** Members appearing in / vanishing from the HA manager's own list, and their state changes. */
    private static void haMembership(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        Optional<HaState> b = ClusterEvents.value(before.ha());
        Optional<HaState> a = ClusterEvents.value(after.ha());
        if (b.isEmpty() || a.isEmpty()) {
            return;
        }
        for (HaMember was : b.get().members()) {
            Optional<HaMember> now = a.get().member(was.name());
            if (now.isEmpty()) {
                out.add(Severity.WARN, was.name(), "HA member down: left the " + a.get().manager() + " member list");
            } else if (out.changed(was.state(), now.get().state())) {
                Severity s = now.get().isRunning() ? Severity.OK : Severity.WARN;
                out.add(s, was.name(), "HA member state " + was.state() + " → " + now.get().state());
            }
        }
        for (HaMember now : a.get().members()) {
            if (b.get().member(now.name()).isEmpty()) {
                out.add(Severity.OK, now.name(), "HA member up: joined the " + a.get().manager() + " member list ("
                        + now.role() + ", " + now.state() + ")");
            }
        }
    }
}
