package io.hadeck.findings;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Failover;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.HaManagerKind;
import io.hadeck.model.HaSettings;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.ReceiverLog;
import io.hadeck.model.Severity;
import io.hadeck.probe.Recorded;
import io.hadeck.probe.pg.PgLogText;
import io.hadeck.probe.pg.PgMapping;
import io.hadeck.probe.pg.RecordedRows;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why a standby does not stream, from the lab's real readings: node-3 after {@code lab fault
 * timeline-fork node-3} (node-2 promoted to timeline 2 while node-3 streamed from it, then put back),
 * beside the primary node-1 still on timeline 1.
 */
class StandbyStreamRulesTest {

    static final PgInstance PRIMARY = RecordedRows.instance("pg15-primary-beside-stray-timeline.json");
    static final PgInstance STRANDED = RecordedRows.instance("pg15-standby-stray-timeline.json");

    static ClusterSnapshot lab(PgInstance standby) {
        List<NodeView> nodes = List.of(NodeView.empty("node-1", "127.0.11.2").withPostgres(fresh(PRIMARY)),
                NodeView.empty("node-3", "127.0.11.4").withPostgres(fresh(standby)));
        ClusterSnapshot s = new ClusterSnapshot(1, Clusters.NOW, "lab", nodes, null, null, null, List.of());
        return s.withFindings(FindingsEngine.derive(s, Clusters.thresholds()));
    }

    static <T> Observation<T> fresh(T value) {
        return Observation.ok(value, Clusters.NOW.minusMillis(300), Duration.ofMillis(5));
    }

    static ReceiverLog log(String recorded) {
        return PgLogText.lastComplaint(Recorded.text(recorded));
    }

    @Test
    void aStandbyHoldingTheHistoryOfATimelineThePrimaryNeverHadIsDivergedAndOffersRejoin() {
        ClusterSnapshot s = lab(STRANDED);
        assertThat(s.findings()).extracting(Finding::code).containsExactly(FindingCode.TIMELINE_DIVERGENCE);
        Finding f = s.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.CRIT);
        assertThat(f.nodes()).containsExactly("node-3", "node-1");
        assertThat(f.message()).isEqualTo("node-3 follows timeline 2, which the primary node-1 (timeline 1) does not have:"
                + " timeline 2 began on node-3 at 12:11:42 UTC (its history file); it cannot stream again by itself.");
        assertThat(f.action()).isEqualTo("Rejoin it: hadeck rejoin node-3 (key J on node-3): it is copied again from node-1"
                + " and what it holds of timeline 2 is lost. Do not promote it before.");
    }

    /** The lab with Patroni's view beside it: the leader key as read, or a failed read (etcd without quorum). */
    static ClusterSnapshot managed(PgInstance standby, Observation<HaState> ha) {
        ClusterSnapshot s = lab(standby);
        ClusterSnapshot withHa = new ClusterSnapshot(1, Clusters.NOW, "lab", s.nodes(), null, null, ha, List.of());
        return withHa.withFindings(FindingsEngine.derive(withHa, Clusters.thresholds()));
    }

    static Observation<HaState> leaderKey(String holder) {
        return fresh(new HaState(HaManagerKind.PATRONI, new LeaderKey(holder, Clusters.NOW.minusSeconds(60), LeaderKey.From.LEADER_KEY,
                null, 30L), List.of(), Failover.reported(true, null), HaSettings.patroniDefaults()));
    }

    @Test
    void whenTheLeaderKeyNamesThePrimaryTheStrayStandbyIsRejoined() {
        Finding f = managed(STRANDED, leaderKey("node-1")).findings().stream()
                .filter(x -> x.code() == FindingCode.TIMELINE_DIVERGENCE).findFirst().orElseThrow();
        assertThat(f.action()).startsWith("Rejoin it: hadeck rejoin node-3");
    }

    @Test
    void aStandbyAheadOfAPrimaryTheLeaderKeyDoesNotNameIsNotRejoinedOntoIt() {
        // the soak's case: a primary whose Patroni was killed kept running on the old timeline while the
        // others failed over; rejoining them onto it would copy its older data over the newer timeline
        ClusterSnapshot s = managed(STRANDED, leaderKey("node-2"));
        assertThat(s.findings()).extracting(Finding::code).contains(FindingCode.LEADER_KEY_MISMATCH, FindingCode.TIMELINE_DIVERGENCE);
        Finding f = s.findings().stream().filter(x -> x.code() == FindingCode.TIMELINE_DIVERGENCE).findFirst().orElseThrow();
        assertThat(f.action()).startsWith("Do not rejoin node-3 yet: the leader key names node-2, not node-1, and node-3"
                + " is on a newer timeline (2 against 1): node-1 may be an old primary a failover left behind")
                .endsWith("if it is not node-1, fence node-1 (hadeck fence node-1).");
    }

    @Test
    void withoutQuorumNothingConfirmsThePrimarySoNoRejoinIsOffered() {
        Finding f = managed(STRANDED, Observation.failed("etcd: no quorum", Clusters.NOW, Duration.ofMillis(5)))
                .findings().stream().filter(x -> x.code() == FindingCode.TIMELINE_DIVERGENCE).findFirst().orElseThrow();
        assertThat(f.action()).startsWith("Do not rejoin node-3 yet: the HA manager's leader key cannot be read");
    }

    @Test
    void itsLogLineIsQuotedWhenTheLogIsReadable() {
        Finding f = lab(STRANDED.withReceiverLog(log("pg15-log-timeline-behind.txt"))).findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.TIMELINE_DIVERGENCE);
        assertThat(f.message()).endsWith("it cannot stream again by itself. Its log: 2026-12-01 12:12:05.850 UTC"
                + " \"highest timeline 1 of the primary is behind recovery timeline 2\"");
    }

    @Test
    void aStandbyWithLagZeroThatCannotStreamIsNeverHealthy() {
        // what patronictl showed as "running, lag 0": replay equals receive, no receiver
        assertThat(STRANDED.lagBytes()).isZero();
        assertThat(lab(STRANDED).findings()).isNotEmpty();
    }

    @Test
    void aRefusedLoginNamesTheCredentialsAsTheFix() {
        ClusterSnapshot s = lab(withoutStrayHistory().withReceiverLog(log("pg15-log-no-password.txt")));
        Finding f = FindingsEngineTest.only(s, FindingCode.STANDBY_NOT_STREAMING);
        assertThat(f.message()).startsWith("node-3 is not streaming from the primary node-1 (has no WAL receiver): the primary"
                + " refused its replication login (authentication failed). Its log: 2026-12-01 12:05:53.317 UTC");
        assertThat(f.action()).startsWith("Check the replication user's password node-3 logs in with");
    }

    @Test
    void anUnreachablePrimaryNamesTheNetwork() {
        Finding f = FindingsEngineTest.only(lab(withoutStrayHistory().withReceiverLog(log("pg15-log-connection-refused.txt"))),
                FindingCode.STANDBY_NOT_STREAMING);
        assertThat(f.message()).contains(": it cannot connect to the primary.");
        assertThat(f.action()).startsWith("Check that node-3 reaches node-1's PostgreSQL port");
    }

    @Test
    void aSlotWhoseWalIsLostMeansRejoinAndASlotNextTime() {
        PgInstance primary = new PgInstance(PRIMARY.role(), PRIMARY.serverVersion(), PRIMARY.timeline(), PRIMARY.timelineSource(),
                PRIMARY.currentLsn(), null, null, null, null, null, null, false, PRIMARY.replication(), null,
                PRIMARY.slots().stream().map(sl -> sl.name().equals("node_3") ? new PgInstance.PgSlot(sl.name(), sl.type(),
                        false, sl.restartLsn(), sl.retainedBytes(), "lost") : sl).toList(), 0);
        List<NodeView> nodes = List.of(NodeView.empty("node-1", "127.0.11.2").withPostgres(fresh(primary)),
                NodeView.empty("node-3", "127.0.11.4").withPostgres(fresh(withoutStrayHistory())));
        ClusterSnapshot s = new ClusterSnapshot(1, Clusters.NOW, "lab", nodes, null, null, null, List.of());
        Finding f = FindingsEngineTest.only(s.withFindings(FindingsEngine.derive(s, Clusters.thresholds())), FindingCode.STANDBY_NOT_STREAMING);
        assertThat(f.message()).contains(": its replication slot node_3 on node-1 is inactive and its WAL is lost");
        assertThat(f.action()).startsWith("Rejoin it: hadeck rejoin node-3").contains("replication slot (Patroni: use_slots)");
    }

    @Test
    void anUnreadableLogIsSaidNotGuessed() {
        Finding f = FindingsEngineTest.only(lab(withoutStrayHistory().withReceiverLog(ReceiverLog.unreadable(
                "/var/log/postgresql/x.log: ssh: authentication failed"))), FindingCode.STANDBY_NOT_STREAMING);
        assertThat(f.message()).endsWith("(its log could not be read: /var/log/postgresql/x.log: ssh: authentication failed)");
        assertThat(f.action()).startsWith("Look at node-3's PostgreSQL log");
    }

    /** The same standby before it fetched timeline 2's history (its control file still on timeline 1). */
    static PgInstance withoutStrayHistory() {
        return PgMapping.instance(RecordedRows.rows("pg15-standby-stray-timeline.json", st -> {
            st.put("history_timeline", null);
            st.put("history_epoch", null);
            st.put("checkpoint_timeline", "1");
            st.put("min_recovery_timeline", "1");
        }));
    }
}
