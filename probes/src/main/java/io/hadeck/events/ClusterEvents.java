package io.hadeck.events;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EsClusterHealth;
import io.hadeck.model.EsNode;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.HaState;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Cluster-wide readings: etcd leader and quorum, Elasticsearch health and membership, the HA leader key. */
final class ClusterEvents {
    private ClusterEvents() {
    }

    static void detect(ClusterSnapshot before, ClusterSnapshot after, Transitions out) {
        reachability("etcd", before.etcd(), after.etcd(), out);
        reachability("Elasticsearch", before.es(), after.es(), out);
        reachability("HA manager", before.ha(), after.ha(), out);
        value(before.etcd()).ifPresent(b -> value(after.etcd()).ifPresent(a -> etcd(b, a, out)));
        value(before.es()).ifPresent(b -> value(after.es()).ifPresent(a -> elasticsearch(b, a, out)));
        value(before.ha()).ifPresent(b -> value(after.ha()).ifPresent(a -> ha(b, a, out)));
    }

    static <T> Optional<T> value(Observation<T> o) {
        return o == null ? Optional.empty() : o.get();
    }

    private static void reachability(String what, Observation<?> b, Observation<?> a, Transitions out) {
        if (b == null || a == null) {
            return;
        }
        if (b.isOk() && !a.isOk()) {
            out.add(Severity.CRIT, null, what + " unreachable: " + a.error());
        } else if (!b.isOk() && a.isOk()) {
            out.add(Severity.OK, null, what + " reachable again");
        }
    }

    private static void etcd(EtcdCluster b, EtcdCluster a, Transitions out) {
        if (b.hasQuorum() && !a.hasQuorum()) {
            out.add(Severity.CRIT, null, "etcd quorum lost: " + a.healthy() + "/" + a.total() + " healthy");
        } else if (!b.hasQuorum() && a.hasQuorum()) {
            out.add(Severity.OK, null, "etcd quorum regained: " + a.healthy() + "/" + a.total() + " healthy");
        }
        if (out.changed(b.leaderId(), a.leaderId())) {
            out.add(Severity.WARN, memberName(a, a.leaderId()),
                    "etcd leader changed: " + memberName(b, b.leaderId()) + " → " + memberName(a, a.leaderId()));
        } else if (b.leaderId() != null && a.leaderId() == null) {
            out.add(Severity.CRIT, null, "etcd has no leader (was " + memberName(b, b.leaderId()) + ")");
        } else if (b.leaderId() == null && a.leaderId() != null) {
            out.add(Severity.OK, memberName(a, a.leaderId()), "etcd elected a leader");
        }
    }

    /** Member names are what operators know; IDs only when the member list lacks the leader. */
    static String memberName(EtcdCluster c, String id) {
        return c.members().stream().filter(m -> m.id().equals(id)).map(EtcdCluster.Member::name)
                .filter(n -> n != null && !n.isBlank()).findFirst().orElse(id);
    }

    private static void elasticsearch(EsClusterHealth b, EsClusterHealth a, Transitions out) {
        if (out.changed(b.status(), a.status())) {
            out.add(esSeverity(a.status()), null, "Elasticsearch " + b.status() + " → " + a.status() + " ("
                    + a.nodes() + " nodes, " + a.unassignedShards() + " unassigned shards)");
        }
        Set<String> was = names(b);
        Set<String> now = names(a);
        for (String n : was) {
            if (!now.contains(n)) {
                out.add(Severity.WARN, n, "Elasticsearch node left the cluster");
            }
        }
        for (String n : now) {
            if (!was.contains(n)) {
                out.add(Severity.OK, n, "Elasticsearch node joined the cluster");
            }
        }
        String masterBefore = master(b);
        String masterAfter = master(a);
        if (out.changed(masterBefore, masterAfter)) {
            out.add(Severity.INFO, masterAfter, "Elasticsearch master changed: " + masterBefore + " → " + masterAfter);
        }
    }

    static Severity esSeverity(String status) {
        return switch (status == null ? "" : status) {
            case "green" -> Severity.OK;
            case "yellow" -> Severity.WARN;
            default -> Severity.CRIT;
        };
    }

    private static Set<String> names(EsClusterHealth h) {
        Set<String> s = new LinkedHashSet<>();
        h.nodeList().forEach(n -> s.add(n.name()));
        return s;
    }

    private static String master(EsClusterHealth h) {
        return h.nodeList().stream().filter(EsNode::electedMaster).map(EsNode::name).findFirst().orElse(null);
    }

    private static void ha(HaState b, HaState a, Transitions out) {
        if (out.changed(b.leader().holder(), a.leader().holder())) {
            out.add(Severity.WARN, a.leader().holder(),
                    "HA leader changed: " + b.leader().holder() + " → " + a.leader().holder() + " holds the leader key");
        } else if (b.leader().holder() != null && a.leader().holder() == null) {
            out.add(Severity.CRIT, null, "nobody holds the HA leader key (was " + b.leader().holder() + ")");
        } else if (b.leader().holder() == null && a.leader().holder() != null) {
            out.add(Severity.OK, a.leader().holder(), "took the HA leader key");
        }
        if (b.failover().enabled() && !a.failover().enabled()) {
            out.add(Severity.WARN, null, "cluster failover turned off (" + a.manager() + " paused)");
        } else if (!b.failover().enabled() && a.failover().enabled()) {
            out.add(Severity.OK, null, "cluster failover turned on");
        }
        if (a.failover().pendingRequest() != null && out.changed(String.valueOf(b.failover().pendingRequest()), a.failover().pendingRequest())) {
            out.add(Severity.INFO, null, "HA request pending: " + a.failover().pendingRequest());
        }
    }
}
