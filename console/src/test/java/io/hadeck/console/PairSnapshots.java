package io.hadeck.console;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.NotifyRecord;
import io.hadeck.model.Observation;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.VrrpState;
import io.hadeck.testkit.Clusters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lab's keepalived pair as snapshots, for the tests of what the console and the commands show of it. */
public final class PairSnapshots {
    private PairSnapshots() {
    }

    public static final String VIP = "10.77.0.100";
    public static final String MOUNT = "/var/opt/hadeck/drbd/data";

    public static PairNodeState node(String peer, VrrpState vrrp, KeepalivedProcess.State ka, boolean vip, boolean owns) {
        Map<String, Boolean> svc = new LinkedHashMap<>();
        List.of("postgresql", "rabbitmq", "solr").forEach(s -> svc.put(s, owns));
        NotifyRecord r = new NotifyRecord(vrrp, 100, null, List.of(new NotifyRecord.Step("vip", "ok", VIP)), "done", null);
        return new PairNodeState(peer, VIP, MOUNT, r, new KeepalivedProcess(ka, List.of(1L), 60),
                vip ? List.of("10.77.0.1", VIP) : List.of("10.77.0.2"), owns ? MOUNT : null, svc);
    }

    /** The lab's healthy DRBD pair (drbd-a Primary) with the given pair readings. */
    public static ClusterSnapshot pair(PairNodeState a, PairNodeState b) {
        ClusterSnapshot s = Clusters.drbdHealthy();
        List<NodeView> nodes = s.nodes().stream().map(n -> {
            PairNodeState p = n.name().equals("drbd-a") ? a : n.name().equals("drbd-b") ? b : null;
            return p == null ? n : new NodeView(n.name(), n.host(), n.etcd(), n.postgres(), n.elasticsearch(), n.drbd(),
                    n.ha(), Observation.ok(p, s.takenAt(), Duration.ofMillis(40)), n.chef(), p.peer());
        }).toList();
        return new ClusterSnapshot(s.seq(), s.takenAt(), s.cluster(), nodes, s.etcd(), s.es(), s.ha(), List.of());
    }
}
