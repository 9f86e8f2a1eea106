package io.hadeck.findings;

import io.hadeck.model.FindingCode;
import io.hadeck.units.Sizes;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** etcd quorum, members that do not answer, and alarms (NOSPACE makes the store read-only). */
final class EtcdRules implements Rules {

    @Override
    public List<Finding> apply(Facts f) {
        List<Finding> out = new ArrayList<>();
        List<NodeView> members = f.nodes().stream().filter(n -> n.etcd() != null).toList();
        List<String> silent = members.stream().filter(n -> f.etcd(n).isEmpty()).map(NodeView::name).toList();
        f.fresh(f.snapshot.etcd()).ifPresent(c -> {
            if (!c.hasQuorum()) {
                out.add(noQuorum(f, c, silent));
            } else {
                for (String name : silent) {
                    out.add(new Finding(Severity.WARN, FindingCode.ETCD_MEMBER_UNHEALTHY, List.of(name),
                            "etcd on " + name + " does not answer" + (c.healthy() < c.total()
                                    ? " (" + c.healthy() + " of " + c.total() + " members healthy; quorum needs "
                                    + (c.total() / 2 + 1) + ")." : "."),
                            "Restart etcd on " + name + " (systemctl restart etcd) and check its log; while it is "
                                    + "down, losing one more member may stop the cluster."));
                }
            }
        });
        for (NodeView n : members) {
            f.etcd(n).filter(m -> !m.alarms().isEmpty()).ifPresent(m ->
                    out.add(new Finding(Severity.CRIT, FindingCode.ETCD_ALARM, List.of(n.name()),
                            "etcd on " + n.name() + " raised alarm " + String.join(", ", m.alarms())
                                    + (m.alarms().contains("NOSPACE") ? ": the store accepts no writes (database "
                                    + Sizes.bytes(m.dbSizeBytes()) + ")." : "."),
                            "Free space: etcdctl compact and etcdctl defrag on each member (or raise "
                                    + "--quota-backend-bytes), then etcdctl alarm disarm.")));
        }
        return out;
    }

    private static Finding noQuorum(Facts f, EtcdCluster c, List<String> silent) {
        return new Finding(Severity.CRIT, FindingCode.ETCD_NO_QUORUM, silent,
                "etcd has no quorum: only " + c.healthy() + " of " + c.total() + " members healthy, "
                        + (c.total() / 2 + 1) + " needed" + (silent.isEmpty() ? "" : " (" + Words.names(silent)
                        + " down)") + "; " + ManagerVerbs.of(f).who + " cannot keep its leader key and will demote the primary.",
                "Bring back members until " + (c.total() / 2 + 1) + " are healthy; do not wipe a member's data "
                        + "directory unless the rest have quorum.");
    }
}
