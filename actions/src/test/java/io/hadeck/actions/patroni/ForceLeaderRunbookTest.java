package io.hadeck.actions.patroni;

import io.hadeck.actions.runbook.Check;
import io.hadeck.actions.runbook.Plan;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.ClusterBuilder;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import static io.hadeck.actions.patroni.PatroniPreflightTest.ctx;
import static io.hadeck.actions.patroni.PatroniPreflightTest.reasons;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * force-leader decides on the screen's picture: it never promotes past a standby hadeck can read
 * without saying what is lost, and never takes a leader it cannot read for a dead one.
 */
class ForceLeaderRunbookTest {

    static final String NODE1_DOWN = "connection refused (127.0.0.2:5432)";

    /** The leader key expired with node-1's PostgreSQL gone; Patroni paused, so nobody is elected. */
    static ClusterBuilder leaderGone() {
        return Clusters.healthy().paused().leaderKey(null).failed("node-1", "postgres", NODE1_DOWN)
                .notStreaming("node-2").notStreaming("node-3");
    }

    static Plan forceLeader(ClusterSnapshot s, String node) {
        return new ForceLeaderRunbook(ctx(s), node).plan();
    }

    static Plan forceLeader(ClusterSnapshot s, String node, String fenced) {
        return new ForceLeaderRunbook(ctx(s), node, fenced).plan();
    }

    static Check check(Plan p, String name) {
        return p.preflight().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCandidateBehindAnotherReadableStandbyNamesTheBetterOneAndTheBytesAsDataLoss() {
        ClusterSnapshot s = leaderGone().lag("node-2", 3L << 20, 5).lag("node-3", 0, 0).build();
        Plan p = forceLeader(s, "node-2");
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.dataLoss()).isEqualTo("node-3 is 3 MiB ahead of node-2 (0/5A3C2F8 vs 0/573C2F8): force-leader"
                + " node-3 loses nothing of that; node-2 would lose it.");
        assertThat(p.canLoseData()).isTrue();
        assertThat(check(p, "replay positions").current())
                .isEqualTo("node-1 unreachable; node-2 0/573C2F8 (candidate); node-3 0/5A3C2F8");
        assertThat(check(p, "replay positions").reason()).isEqualTo("node-3 is ahead of node-2: see the data-loss"
                + " warning (force-leader node-3 instead, or accept the loss)");
    }

    @Test
    void theBetterCandidateExcludedFromFailoverIsSaidSo() {
        ClusterSnapshot s = leaderGone().lag("node-2", 4096, 1).lag("node-3", 0, 0).noFailover("node-3").build();
        assertThat(forceLeader(s, "node-2").dataLoss()).isEqualTo("node-3 is 4 KiB ahead of node-2 (0/5A3C2F8 vs"
                + " 0/5A3B2F8): force-leader node-3 loses nothing of that; node-2 would lose it (node-3 is excluded from"
                + " failover: hadeck set-node-failover node-3 on first).");
    }

    @Test
    void theMostAdvancedReadableCandidateLosesNothingMeasurable() {
        ClusterSnapshot s = leaderGone().lag("node-2", 3L << 20, 5).lag("node-3", 0, 0).build();
        Plan p = forceLeader(s, "node-3");
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.dataLoss()).isNull();
        assertThat(check(p, "no healthy leader").reason()).isEqualTo("the leader key is free and cluster failover is off"
                + " (Patroni paused), so Patroni will not elect a leader by itself");
        assertThat(check(p, "replay positions").reason()).isEqualTo("node-3 has replayed the most WAL of the standbys"
                + " hadeck can read; node-1 (" + NODE1_DOWN + ") could not be read: what it holds that node-3 lacks"
                + " cannot be measured from here and is lost");
        assertThat(p.steps()).singleElement().satisfies(step -> assertThat(step.call().description())
                .isEqualTo("failover node-3"));
    }

    @Test
    void aLeaderThatCannotBeReadIsUnknownNotDown() {
        Plan p = forceLeader(Clusters.primaryDown(), "node-2");
        assertThat(reasons(p)).isEqualTo("the leader node-1 cannot be read from here (PostgreSQL: " + NODE1_DOWN + "):"
                + " hadeck cannot tell whether it still accepts writes; if you know it is down or fenced, say so with"
                + " --peer-fenced node-1");
        assertThat(check(p, "no healthy leader").current()).isEqualTo("leader key: node-1; writable primary: none;"
                + " node-1 cannot be read");
        // the console's dialog asks for the statement --peer-fenced gives on the command line
        assertThat(p.question().options()).containsExactly("node-1");
        assertThat(p.question().flag()).isEqualTo("--peer-fenced node-1");
    }

    @Test
    void aLeaderWhoseHostAnswersNothingIsUnknownToo() {
        Plan p = forceLeader(Clusters.unreachable("node-1"), "node-2");
        String timeout = "connect timed out after 2000 ms (127.0.0.2)";
        assertThat(reasons(p)).isEqualTo("the leader node-1 cannot be read from here (PostgreSQL: " + timeout
                + "; Patroni: " + timeout + "): hadeck cannot tell whether it still accepts writes; if you know it is down"
                + " or fenced, say so with --peer-fenced node-1");
    }

    @Test
    void aLeaderWhosePatroniIsGoneButWhosePostgresStillAcceptsWritesIsNotUnknown() {
        ClusterSnapshot s = Clusters.healthy().failed("node-1", "ha", "connection refused (127.0.0.2:8008)").build();
        assertThat(reasons(forceLeader(s, "node-2", "node-1"))).isEqualTo("node-1 answers as a writable primary right"
                + " now: it is neither down nor fenced; stop or fence it, then plan again | node-1 still accepts writes"
                + " (its PostgreSQL answers as a primary) though it cannot be fully read (Patroni: connection refused"
                + " (127.0.0.2:8008)): force-leader node-2 would make a second primary; stop or fence node-1 first,"
                + " then plan again");
    }

    @Test
    void theOperatorsStatementThatTheLeaderIsFencedIsRecordedAndCountsAsDataLoss() {
        Plan p = forceLeader(Clusters.primaryDown(), "node-2", "node-1");
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(check(p, "operator's statement").current()).isEqualTo("operator states node-1 is down or fenced");
        assertThat(check(p, "no healthy leader").current()).endsWith("operator states node-1 is down or fenced");
        assertThat(p.dataLoss()).isEqualTo("node-1 cannot be read (PostgreSQL: " + NODE1_DOWN + ") and the operator"
                + " states it is down or fenced: whatever node-1 wrote that node-2 never received is lost, and hadeck"
                + " cannot measure how much.");
    }

    @Test
    void aFencedStatementAddsToTheBetterCandidateWarning() {
        ClusterSnapshot s = Clusters.healthy().failed("node-1", "postgres", NODE1_DOWN).notStreaming("node-2")
                .notStreaming("node-3").lag("node-2", 1024, 1).build();
        Plan p = forceLeader(s, "node-2", "node-1");
        assertThat(p.refused()).as(reasons(p)).isFalse();
        assertThat(p.dataLoss()).startsWith("node-3 is 1 KiB ahead of node-2").contains(" node-1 cannot be read (");
    }

    @Test
    void aStatementAboutAWritablePrimaryIsRefused() {
        Plan p = forceLeader(Clusters.healthyPrimaryTwoStandbys(), "node-2", "node-1");
        assertThat(reasons(p)).startsWith("node-1 answers as a writable primary right now: it is neither down nor fenced;"
                + " stop or fence it, then plan again | node-1 is a healthy leader");
    }

    @Test
    void aStatementMustNameAnotherNodeOfTheCluster() {
        assertThat(reasons(forceLeader(Clusters.primaryDown(), "node-2", "node-9"))).startsWith("no node named node-9 in"
                + " cluster lab: --peer-fenced names the old leader you know is down or fenced");
        assertThat(reasons(forceLeader(Clusters.primaryDown(), "node-2", "node-2"))).startsWith("node-2 is the node to"
                + " make leader: --peer-fenced names the old leader you know is down or fenced, not the candidate");
    }

    @Test
    void aWritablePrimaryWithoutTheLeaderKeyIsRefused() {
        Plan p = forceLeader(Clusters.healthy().leaderKey(null).build(), "node-2");
        assertThat(reasons(p)).isEqualTo("node-1 answers as a writable primary without the leader key: force-leader"
                + " node-2 would make another primary; stop or fence node-1 first, then plan again");
    }

    @Test
    void patronisStateUnreadableIsRefusedWithWhy() {
        ClusterSnapshot s = PatroniPreflightTest.haUnreadable(Clusters.primaryDown(), PatroniPreflightTest.NO_PATRONI);
        Plan p = forceLeader(s, "node-2", "node-1");
        assertThat(check(p, "no healthy leader").pass()).isFalse();
        assertThat(check(p, "no healthy leader").reason()).isEqualTo("Patroni's state could not be read ("
                + PatroniPreflightTest.NO_PATRONI + "): hadeck cannot tell who holds the leader key, so whether a healthy"
                + " leader exists; make Patroni's REST API (GET /cluster) or etcd answer from here, then plan again");
        assertThat(check(p, "node failover").current()).isEqualTo("unknown");
    }

    @Test
    void anUnreadableCandidateIsRefused() {
        Plan p = forceLeader(leaderGone().failed("node-2", "postgres", "connection refused (127.0.0.3:5432)").build(),
                "node-2");
        assertThat(reasons(p)).isEqualTo("PostgreSQL on node-2 could not be read (connection refused (127.0.0.3:5432)):"
                + " hadeck cannot tell what node-2 holds; make it answer, then plan again");
    }

    @Test
    void forceLeaderIsRefusedWhileAHealthyLeaderExistsYetStillNamesTheBetterCandidate() {
        Plan p = forceLeader(Clusters.healthy().lag("node-2", 8192, 1).build(), "node-2");
        assertThat(reasons(p)).isEqualTo("node-1 is a healthy leader: use promote node-2 (a switchover loses nothing)"
                + " instead of force-leader");
        assertThat(p.dataLoss()).startsWith("node-3 is 8 KiB ahead of node-2");
    }
}
