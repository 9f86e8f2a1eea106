package io.hadeck.events;

import io.hadeck.model.DrbdDisk;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** DRBD connection, role and disk state changes per resource, and split-brain seen from both sides. */
final class DrbdEvents {
    private DrbdEvents() {
    }

    static void detect(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        for (NodeView now : after.nodes()) {
            Optional<DrbdStatus> a = drbd(now);
            Optional<DrbdStatus> b = before.node(now.name()).flatMap(DrbdEvents::drbd);
            if (a.isEmpty() || b.isEmpty()) {
                continue;
            }
            for (DrbdResource r : a.get().resources()) {
                b.get().resources().stream().filter(x -> x.key().equals(r.key())).findFirst()
                        .ifPresent(was -> resource(now.name(), was, r, out));
            }
        }
        Set<String> splitBefore = splitBrains(before);
        Set<String> splitAfter = splitBrains(after);
        for (String r : splitAfter) {
            if (!splitBefore.contains(r)) {
                out.add(Severity.CRIT, null, "DRBD split-brain: " + r);
            }
        }
        for (String r : splitBefore) {
            if (!splitAfter.contains(r)) {
                out.add(Severity.OK, null, "DRBD split-brain over: " + r);
            }
        }
    }

    private static void resource(String node, DrbdResource b, DrbdResource a, Transitions out) {
        String name = label(a);
        if (out.changed(b.connection(), a.connection())) {
            out.add(a.connection().severity(), node, name + " cs " + b.connection() + " → " + a.connection());
        }
        String roleB = b.role() + "/" + b.peerRole();
        String roleA = a.role() + "/" + a.peerRole();
        if (!roleB.equals(roleA)) {
            out.add(Severity.INFO, node, name + " ro " + roleB + " → " + roleA);
        }
        String diskB = b.disk() + "/" + b.peerDisk();
        String diskA = a.disk() + "/" + a.peerDisk();
        if (!diskB.equals(diskA)) {
            Severity local = severity(a.disk());
            Severity peer = severity(a.peerDisk());
            out.add(local.atLeast(peer) ? local : peer, node, name + " ds " + diskB + " → " + diskA);
        }
    }

    static String label(DrbdResource r) {
        // the reading's own label, not the configuration's: an event compares two readings, and the
        // configuration read once (or not) must not rename a resource between them
        return "DRBD " + r.label();
    }

    private static Severity severity(DrbdDisk ds) {
        return ds == null ? Severity.WARN : ds.severity();
    }

    /**
     * A resource is split when two nodes both run it as Primary and neither is connected: each
     * side then accepts writes the other will never see.
     */
    static Set<String> splitBrains(ClusterSnapshot s) {
        // nodes as a set: a resource's volumes on one node are one Primary, not two
        Map<String, Set<String>> primariesByResource = new LinkedHashMap<>();
        for (NodeView n : s.nodes()) {
            drbd(n).ifPresent(st -> st.resources().stream()
                    .filter(r -> r.isPrimary() && !r.talksToPeer())
                    .forEach(r -> primariesByResource.computeIfAbsent(r.label(), k -> new java.util.LinkedHashSet<>()).add(n.name())));
        }
        Set<String> split = new TreeSet<>();
        primariesByResource.forEach((r, nodes) -> {
            if (nodes.size() > 1) {
                split.add(r + " is Primary and disconnected on " + String.join(" and ", nodes));
            }
        });
        return split;
    }

    private static Optional<DrbdStatus> drbd(NodeView n) {
        return n.drbd() == null ? Optional.empty() : n.drbd().get();
    }
}
