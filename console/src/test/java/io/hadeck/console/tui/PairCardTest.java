package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * A keepalived pair on the console: each node's card has its VRRP state, the VIP, the mount and the
 * services with the owner marked, and the header names the pair's owner, or says loudly that the
 * VIP is on both nodes after the owner's keepalived hung.
 */
class PairCardTest {
    static final String VIP = "10.77.0.100";
    static final String MOUNT = "/var/opt/hadeck/drbd/data";

    static PairNodeState node(String peer, VrrpState vrrp, KeepalivedProcess.State ka, boolean vip, boolean owns) {
        Map<String, Boolean> svc = new LinkedHashMap<>();
        List.of("postgresql", "rabbitmq", "solr").forEach(s -> svc.put(s, owns));
        NotifyRecord r = new NotifyRecord(vrrp, 100, null, List.of(new NotifyRecord.Step("vip", "ok", VIP)), "done", null);
        return new PairNodeState(peer, VIP, MOUNT, r, new KeepalivedProcess(ka, List.of(1L), 60),
                vip ? List.of("10.77.0.1", VIP) : List.of("10.77.0.2"), owns ? MOUNT : null, svc);
    }

    /** The lab's healthy DRBD pair (drbd-a Primary) with the given pair readings. */
    static ClusterSnapshot pair(PairNodeState a, PairNodeState b) {
        ClusterSnapshot s = Clusters.drbdHealthy();
        List<NodeView> nodes = s.nodes().stream().map(n -> {
            PairNodeState p = n.name().equals("drbd-a") ? a : n.name().equals("drbd-b") ? b : null;
            return p == null ? n : new NodeView(n.name(), n.host(), n.etcd(), n.postgres(), n.elasticsearch(), n.drbd(),
                    n.ha(), Observation.ok(p, s.takenAt(), Duration.ofMillis(40)), n.chef(), p.peer());
        }).toList();
        return new ClusterSnapshot(s.seq(), s.takenAt(), s.cluster(), nodes, s.etcd(), s.es(), s.ha(), List.of());
    }

    static String screen(ClusterSnapshot s, int cols, int rows) {
        return Rendered.of(s, cols, rows, Rendered.frame("dark", Glyphs.UNICODE, false), new UiState(), List.of()).text();
    }

    @Test
    void theOwnersCardIsMarkedAndTheHeaderNamesIt() {
        String wide = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false)), 160, 45);
        assertThat(wide).contains("pair owner drbd-a").contains("VRRP MASTER * owner · VIP 10.77.0.100")
                .contains("mounted · 3/3 services up").contains("VRRP BACKUP · no VIP").contains("not mounted · services stopped");
        String narrow = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false)), 80, 24);
        assertThat(narrow).contains("pair owner drbd-a").contains("VRRP MASTER * owner · VIP 10.77.0.100");
    }

    @Test
    void aFrozenOwnerWithThePeerAlsoHoldingTheVipIsShoutedOnTheHeaderAndTheCard() {
        String wide = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.FROZEN, true, true),
                node("drbd-a", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, false)), 160, 45);
        assertThat(wide).contains("pair NO OWNER · VIP_ON_BOTH").contains("✗ keepalived frozen");
    }
}
