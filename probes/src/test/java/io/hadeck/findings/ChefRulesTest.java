package io.hadeck.findings;

import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Observation;
import io.hadeck.model.Severity;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chef Backend seeds' checks as findings; node-1 leads (its leader key). */
class ChefRulesTest {
    static final List<ChefNodeChecks.Service> UP = List.of(
            new ChefNodeChecks.Service("leaderl", true, 6788, "1d", "leader: 1; waiting: 0; follower: 2; total: 3"),
            new ChefNodeChecks.Service("postgresql", true, 6640, "1d", "leader: 1; offline: 0; syncing: 0; synced: 2"));
    static final ChefNodeChecks.Leaderl SETTLED = new ChefNodeChecks.Leaderl(1, 0, 2, 3);

    static ChefNodeChecks checks(double clock, boolean vip, ChefNodeChecks.Port... ports) {
        return new ChefNodeChecks(UP, SETTLED, clock, 0.1, vip, List.of(ports));
    }

    static List<Finding> findings(Function<String, ChefNodeChecks> perNode) {
        ClusterSnapshot s = Clusters.healthyPrimaryTwoStandbys();
        ClusterSnapshot with = new ClusterSnapshot(s.seq(), s.takenAt(), s.cluster(), s.nodes().stream()
                .map(n -> n.withChef(Observation.ok(perNode.apply(n.name()), s.takenAt(), Duration.ofMillis(80)))).toList(),
                s.etcd(), s.es(), s.ha(), List.of());
        return FindingsEngine.derive(with, (io.hadeck.config.ClusterConfig.Thresholds) null).stream()
                .filter(f -> f.code().category() != FindingCode.Category.POSTGRES).toList();
    }

    @Test
    void aHealthyBackendHasNoFindings() {
        assertThat(findings(n -> checks(0.2, n.equals("node-1")))).isEmpty();
    }

    @Test
    void theVipOnAFollowerIsCritical() {
        List<Finding> f = findings(n -> checks(0, n.equals("node-3")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(FindingCode.VIP_NOT_ON_LEADER);
            assertThat(x.severity()).isEqualTo(Severity.CRIT);
            assertThat(x.nodes()).containsExactly("node-3", "node-1");
            assertThat(x.message()).isEqualTo("the backend VIP is on node-3 but the leader is node-1: frontends reach a"
                    + " node that is not the leader.");
        });
    }

    @Test
    void aClockBeyondTheSeedsLimitIsDrift() {
        Map<String, Double> clocks = Map.of("node-1", 0.1, "node-2", 0.0, "node-3", 3.0);
        List<Finding> f = findings(n -> checks(clocks.get(n), n.equals("node-1")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(FindingCode.CLOCK_DRIFT);
            assertThat(x.message()).isEqualTo("node-3's clock is 3 s ahead of node-2's (± 0.2 s; the backend nodes must"
                    + " agree within 1.5 s).");
        });
        assertThat(findings(n -> checks(n.equals("node-3") ? 1.2 : 0, n.equals("node-1")))).isEmpty();
    }

    @Test
    void aPortThatPeersCannotReachNamesWhoCannotReachWhat() {
        ChefNodeChecks.Port closed = new ChefNodeChecks.Port("node-3", "10.0.0.13", 7331, "leaderl", false);
        List<Finding> f = findings(n -> n.equals("node-3") ? checks(0, false) : checks(0, n.equals("node-1"), closed));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo(FindingCode.PORT_UNREACHABLE);
            assertThat(x.nodes()).containsExactly("node-1", "node-2", "node-3");
            assertThat(x.message()).startsWith("node-1 and node-2 cannot reach node-3 on TCP 7331 (leaderl)");
        });
    }

    @Test
    void aServiceDownAndLeaderlWaiting() {
        List<ChefNodeChecks.Service> down = List.of(new ChefNodeChecks.Service("postgresql", false, null, "-", null));
        List<Finding> f = findings(n -> n.equals("node-2")
                ? new ChefNodeChecks(down, new ChefNodeChecks.Leaderl(1, 1, 1, 3), 0.0, 0.1, false, List.of())
                : checks(0, n.equals("node-1")));
        assertThat(f).extracting(Finding::code).containsExactlyInAnyOrder(FindingCode.CHEF_SERVICE_DOWN, FindingCode.LEADERL_UNSETTLED);
    }
}
