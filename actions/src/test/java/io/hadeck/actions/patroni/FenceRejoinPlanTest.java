package io.hadeck.actions.patroni;

import io.hadeck.actions.TestClusters;
import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** fence and rejoin as the split-brain runbook needs them: which node, refused when, and what is lost. */
class FenceRejoinPlanTest {

    static PatroniContext ctx(ClusterSnapshot s) {
        return new PatroniContext(TestClusters.lab(), new TestClusters.RecordingHaManager(), () -> s, Duration.ofSeconds(30));
    }

    static String reasons(Plan p) {
        return String.join(" | ", p.failedChecks().stream().map(Check::reason).toList());
    }

    static Check check(Plan p, String name) {
        return p.preflight().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theOldPrimaryOfASplitBrainIsFencedAndTheLeaderKeyIsNamed() {
        Plan p = new FenceRunbook(ctx(Clusters.twoPrimaries()), "node-1").plan();
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(check(p, "leader key").reason()).isEqualTo("the leader key names node-2, which accepts writes: node-1"
                + " is the primary that must not");
        assertThat(check(p, "client sessions").current()).isEqualTo("on node-1, node-2");
        assertThat(p.steps()).singleElement().satisfies(s -> assertThat(s.call().description()).isEqualTo("stop postgres node-1"));
        assertThat(p.canLoseData()).isFalse();
    }

    @Test
    void theLeaderOfASplitBrainIsNotFenced() {
        Plan p = new FenceRunbook(ctx(Clusters.twoPrimaries()), "node-2").plan();
        assertThat(reasons(p)).isEqualTo("node-2 holds the leader key and its Patroni answers: it is the cluster's leader;"
                + " fencing it stops every write; to move the primary role: hadeck demote node-2");
    }

    @Test
    void aPrimaryWhosePatroniDiedMayBeFencedBeforeItsKeyExpires() {
        Plan p = new FenceRunbook(ctx(Clusters.healthy().leaderAgentDown("connection refused", 6L).build()), "node-1").plan();
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(check(p, "leader key").reason()).startsWith("node-1's Patroni does not answer (connection refused):"
                + " its key expires in 6 s");
    }

    @Test
    void aStandbyHasNothingToFence() {
        assertThat(reasons(new FenceRunbook(ctx(Clusters.healthyPrimaryTwoStandbys()), "node-2").plan()))
                .isEqualTo("node-2 is a standby: it accepts no writes; nothing to fence");
    }

    @Test
    void rejoinIsRefusedWhileTheNodeStillAcceptsWrites() {
        assertThat(reasons(new RejoinRunbook(ctx(Clusters.twoPrimaries()), "node-1").plan()))
                .startsWith("node-1 accepts writes: fence it first (hadeck fence node-1) | ");
    }

    @Test
    void rejoiningANodeThatCannotBeReadIsDataLoss() {
        ClusterSnapshot fenced = Clusters.healthy().primary("node-2").leaderKey("node-2").timeline("node-2", 4)
                .failed("node-1", "postgres", "connection refused").build();
        Plan p = new RejoinRunbook(ctx(fenced), "node-1").plan();
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.dataLoss()).isEqualTo("Rejoin wipes node-1's data directory and copies node-2's: whatever node-1 wrote"
                + " that node-2 (timeline 4) does not have is lost; hadeck cannot read node-1 (connection refused), so how"
                + " much it holds of its own is unknown.");
        assertThat(p.steps()).singleElement().satisfies(s -> assertThat(s.call().description()).isEqualTo("reinitialize node-1"));
    }

    @Test
    void rejoiningAStreamingStandbyLosesNothing() {
        assertThat(new RejoinRunbook(ctx(Clusters.healthyPrimaryTwoStandbys()), "node-2").plan().dataLoss()).isNull();
    }
}
