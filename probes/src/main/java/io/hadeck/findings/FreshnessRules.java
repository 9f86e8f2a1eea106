package io.hadeck.findings;

import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readings that cannot be trusted as current: failed ones (UNREACHABLE) and old ones
 * (STALE_READING). Every other rule ignores them; this rule makes sure the operator sees why.
 */
final class FreshnessRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        List<Finding> out = new ArrayList<>();
        for (NodeView n : f.nodes()) {
            Map<String, Observation<?>> layers = layers(n);
            Map<String, String> failed = new LinkedHashMap<>();
            Duration oldest = null;
            List<String> staleLayers = new ArrayList<>();
            for (var e : layers.entrySet()) {
                Observation<?> o = e.getValue();
                if (!o.isOk()) {
                    failed.put(e.getKey(), o.error());
                } else if (o.isStale(f.now, f.staleLimit)) {
                    staleLayers.add(e.getKey());
                    Duration age = o.age(f.now);
                    oldest = oldest == null || age.compareTo(oldest) > 0 ? age : oldest;
                }
            }
            if (!failed.isEmpty()) {
                out.add(unreachable(f, n, failed));
            }
            if (!staleLayers.isEmpty()) {
                out.add(stale(f, n.name(), staleLayers, oldest));
            }
        }
        cluster(f, "etcd cluster", f.snapshot.etcd(), Severity.CRIT, out);
        cluster(f, "Elasticsearch cluster", f.snapshot.es(), Severity.WARN, out);
        cluster(f, "HA manager", f.snapshot.ha(), Severity.WARN, out);
        return out;
    }

    private static Finding unreachable(Facts f, NodeView n, Map<String, String> failed) {
        // Critical only when what decides "is it still the writable primary?" cannot be read: a slow
        // etcd or Elasticsearch on the primary's host is a warning, not a reason to think of failover.
        boolean primary = f.isPrimaryNode(n) && (failed.containsKey("postgres") || failed.containsKey("patroni"));
        List<String> parts = new ArrayList<>();
        failed.forEach((layer, error) -> parts.add(layer + ": " + error));
        String what = failed.size() == layers(n).size() ? n.name() + " is unreachable"
                : n.name() + "'s " + Words.names(List.copyOf(failed.keySet())) + " cannot be read";
        return new Finding(primary ? Severity.CRIT : Severity.WARN, FindingCode.UNREACHABLE, List.of(n.name()),
                what + (primary ? " and it is the primary" : "") + " (" + String.join("; ", parts) + ").",
                primary ? "Check whether " + n.name() + " still accepts writes before any failover; if it is really "
                        + "down, expect the HA manager to promote a standby after its TTL."
                        : "Check the host and the service (systemctl status, its log) on " + n.name() + ".");
    }

    private static Finding stale(Facts f, String node, List<String> layers, Duration oldest) {
        return new Finding(Severity.WARN, FindingCode.STALE_READING, List.of(node),
                node + "'s " + Words.names(layers) + " reading" + (layers.size() > 1 ? "s are" : " is") + " "
                        + Words.duration(oldest) + " old (limit " + Words.duration(f.staleLimit)
                        + "): shown values may no longer be true.",
                "Check that hadeck can still reach " + node + " (a hung read times out after the read timeout).");
    }

    private static void cluster(Facts f, String what, Observation<?> o, Severity failSeverity, List<Finding> out) {
        if (o == null) {
            return;
        }
        if (!o.isOk()) {
            out.add(new Finding(failSeverity, FindingCode.UNREACHABLE, List.of(),
                    "The " + what + " cannot be read (" + o.error() + ").",
                    "Check the endpoints in the configuration and the service on each node."));
        } else if (o.isStale(f.now, f.staleLimit)) {
            out.add(new Finding(Severity.WARN, FindingCode.STALE_READING, List.of(),
                    "The " + what + " reading is " + Words.duration(o.age(f.now)) + " old (limit "
                            + Words.duration(f.staleLimit) + ").", null));
        }
    }

    private static Map<String, Observation<?>> layers(NodeView n) {
        Map<String, Observation<?>> m = new LinkedHashMap<>();
        put(m, "etcd", n.etcd());
        put(m, "postgres", n.postgres());
        put(m, "elasticsearch", n.elasticsearch());
        put(m, "drbd", n.drbd());
        put(m, "patroni", n.ha());
        return m;
    }

    private static void put(Map<String, Observation<?>> m, String layer, Observation<?> o) {
        if (o != null) {
            m.put(layer, o);
        }
    }
}
