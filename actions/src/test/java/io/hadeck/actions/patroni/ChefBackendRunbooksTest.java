package io.hadeck.actions.patroni;

import io.hadeck.actions.TestClusters;
import io.hadeck.actions.chef.ChefBackendManager;
import io.hadeck.actions.remote.LocalShell;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaState;
import io.hadeck.model.Observation;
import io.hadeck.probe.chef.ChefBackendStatusMapping;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared runbooks on a Chef Backend cluster: they decide and verify on what chef-backend-ctl
 * cluster-status --json reports (probes' mapping), and speak of chef-backend-ctl and leaderl.
 */
class ChefBackendRunbooksTest {

    /** A healthy lab picture whose HA state is what chef-backend-ctl cluster-status --json said. */
    static PatroniContext chef(String clusterStatusJson) {
        ClusterSnapshot healthy = Clusters.healthyPrimaryTwoStandbys();
        HaState ha = ChefBackendStatusMapping.state(clusterStatusJson);
        ClusterSnapshot s = new ClusterSnapshot(healthy.seq(), healthy.takenAt(), healthy.cluster(), healthy.nodes(),
                healthy.etcd(), healthy.es(), Observation.ok(ha, Instant.now(), Duration.ofMillis(5)), List.of());
        return new PatroniContext(TestClusters.lab(), new ChefBackendManager(TestClusters.lab(), new LocalShell(),
                List.of("chef-backend-ctl")), () -> s, Duration.ofSeconds(30));
    }

    static String json(String failoverEnabled, String node2Failover) {
        return "{" + (failoverEnabled == null ? "" : "\"failover_enabled\": " + failoverEnabled + ", ")
                + "\"nodes\": [{\"name\": \"node-1\", \"role\": \"leader\", \"failover\": \"on\"},"
                + " {\"name\": \"node-2\", \"role\": \"follower\"" + (node2Failover == null ? "" : ", \"failover\": \""
                + node2Failover + "\"") + "}, {\"name\": \"node-3\", \"role\": \"follower\", \"failover\": \"on\"}]}";
    }

    static Verdict verify(Plan p) {
        return p.steps().get(0).verify().get();
    }

    @Test
    void setNodeFailoverOffIsVerifiedFromWhatClusterStatusReportsOfTheNode() {
        Plan p = new NodeFailoverRunbook(chef(json("true", "off")), "node-2", false).plan();
        assertThat(p.steps().get(0).call().description()).isEqualTo("chef-backend-ctl set-node-failover off (local)");
        assertThat(verify(p)).isEqualTo(Verdict.ok("node-2 is excluded from failover (chef-backend-ctl set-node-failover off)"));
        Plan stillOn = new NodeFailoverRunbook(chef(json("true", "on")), "node-2", false).plan();
        assertThat(verify(stillOn).ok()).isFalse();
        assertThat(verify(stillOn).sentence()).isEqualTo("node-2 may become leader (chef-backend-ctl set-node-failover on)");
    }

    @Test
    void aNodeFailoverSettingThatIsNotReportedCannotBeVerified() {
        Plan p = new NodeFailoverRunbook(chef(json("true", null)), "node-2", false).plan();
        assertThat(p.preflight()).extracting(Check::current).containsExactly("unknown");
        assertThat(verify(p)).isEqualTo(Verdict.cannotVerify("chef-backend-ctl cluster-status --json does not report"
                + " node-2's failover setting (no 'failover')"));
    }

    @Test
    void clusterFailoverOffIsVerifiedFromClusterStatusOrCannotBe() {
        Plan p = new ClusterFailoverRunbook(chef(json("false", "on")), false).plan();
        assertThat(p.expectedEnd()).isEqualTo("cluster failover is off (chef-backend-ctl set-cluster-failover off:"
                + " no automatic failover)");
        assertThat(verify(p).ok()).isTrue();
        Plan absent = new ClusterFailoverRunbook(chef(json(null, "on")), false).plan();
        assertThat(verify(absent)).isEqualTo(Verdict.cannotVerify("chef-backend-ctl cluster-status --json does not"
                + " report the cluster failover setting (no 'failover_enabled'); check with chef-backend-ctl status on a"
                + " backend node"));
    }

    @Test
    void demoteRunsChefBackendCtlDemoteOnTheLeader() {
        Plan p = new SwitchoverRunbook(chef(json("true", "on")), SwitchoverRunbook.Kind.DEMOTE, "node-1").plan();
        assertThat(p.refused()).isFalse();
        assertThat(p.steps()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("demote node-1 (leaderl elects the new leader)");
            assertThat(s.call().description()).isEqualTo("chef-backend-ctl demote (local)");
        });
    }

    @Test
    void refusalsNameChefBackendCtlNotPatroni() {
        Plan p = new SwitchoverRunbook(chef(json("false", "off")), SwitchoverRunbook.Kind.PROMOTE, "node-2").plan();
        String reasons = String.join(" | ", p.failedChecks().stream().map(Check::reason).toList());
        assertThat(reasons).isEqualTo("node-2 is excluded from failover (chef-backend-ctl set-node-failover off): hadeck"
                + " set-node-failover node-2 on | cluster failover is disabled (chef-backend-ctl set-cluster-failover off):"
                + " hadeck set-cluster-failover on (chef-backend-ctl set-cluster-failover on)");
        assertThat(reasons).doesNotContain("Patroni").doesNotContain("patronictl");
    }
}
