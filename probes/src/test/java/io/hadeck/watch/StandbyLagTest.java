package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.findings.FindingsEngine;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgInstance.PgReplication;
import io.hadeck.model.PgInstance.PgWalReceiver;
import io.hadeck.model.PgInstance.TimelineSource;
import io.hadeck.model.PgRole;
import io.hadeck.model.Severity;
import io.hadeck.probe.pg.PgMapping;
import io.hadeck.probe.pg.RecordedRows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StandbyLagTest {

    private static final Instant T = Instant.parse("2026-11-23T03:00:00Z");
    private static final long MB = 1L << 20;

    private static NodeView view(String name, PgInstance pg) {
        return NodeView.empty(name, "10.0.0." + name.charAt(name.length() - 1)).withPostgres(Observation.ok(pg, T, Duration.ofMillis(3)));
    }

    private static NodeView node(String name, PgRole role, String current, String received, String replayed) {
        return view(name, standby(role, current, received, replayed, 0.0, true));
    }

    private static PgInstance standby(PgRole role, String current, String received, String replayed, Double replayAge,
                                      boolean streaming) {
        PgWalReceiver receiver = streaming ? new PgWalReceiver("streaming", "10.0.0.1", 5432, null, 1, null) : null;
        return new PgInstance(role, "15.18", 1, TimelineSource.WAL_RECEIVER, Lsn.parse(current),
                received == null ? null : Lsn.parse(received), replayed == null ? null : Lsn.parse(replayed),
                received == null ? null : 0L, 0.0, replayAge, null, false, List.of(), receiver, List.of());
    }

    private static PgInstance primary(String current, PgReplication... rows) {
        return new PgInstance(PgRole.PRIMARY, "15.18", 1, TimelineSource.CURRENT_WAL, Lsn.parse(current), null, null,
                null, null, null, null, false, List.of(rows), null, List.of());
    }

    private static PgReplication row(String app, String addr, String replay, Double replayLag) {
        return new PgReplication(app, addr, "streaming", "async", null, null, null, Lsn.parse(replay), null, null, replayLag);
    }

    private static PgInstance lagOf(List<NodeView> out, String name) {
        return out.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().postgres().value();
    }

    /** The findings the watcher would publish for these readings. */
    private static List<Finding> findings(List<NodeView> nodes) {
        ClusterSnapshot s = new ClusterSnapshot(1, T, "lab", StandbyLag.apply(nodes), null, null, null, List.of());
        return FindingsEngine.derive(s, ClusterConfig.Thresholds.defaults()).stream()
                .filter(f -> f.code().equals(FindingCode.REPLICA_LAG)).toList();
    }

    @Test
    void standbyLagIsMeasuredAgainstThePrimarysCurrentPosition() {
        List<NodeView> out = StandbyLag.apply(List.of(node("p", PgRole.PRIMARY, "0/5000000", null, null),
                node("s", PgRole.STANDBY, "0/4000000", "0/4000000", "0/4000000")));
        assertThat(out.get(1).postgres().value().lagBytes()).isEqualTo(0x1000000L);
        assertThat(out.get(1).postgres().readAt()).isEqualTo(T);
        assertThat(out.get(0).postgres().value().lagBytes()).isNull();
    }

    @Test
    void aStandbyReadAfterThePrimaryIsNeverNegativelyBehind() {
        List<NodeView> out = StandbyLag.apply(List.of(node("p", PgRole.PRIMARY, "0/4000000", null, null),
                node("s", PgRole.STANDBY, "0/4000100", "0/4000100", "0/4000100")));
        assertThat(out.get(1).postgres().value().lagBytes()).isZero();
    }

    @Test
    void twoPrimariesLeaveTheStandbysOwnFigure() {
        List<NodeView> in = List.of(node("p", PgRole.PRIMARY, "0/5000000", null, null),
                node("q", PgRole.PRIMARY, "0/6000000", null, null), node("s", PgRole.STANDBY, "0/4000000", "0/4000010", "0/4000000"));
        assertThat(StandbyLag.apply(in)).isEqualTo(in);
    }

    @Test
    void aStandbyThatReplayedThePrimarysPositionIsZeroSecondsBehindHoweverOldItsLastTransaction() {
        // Idle primary: the standby's last replayed transaction is 4 min old and it holds a few
        // bytes of a record not replayed yet (its own figure would be 240 s); nothing is behind the primary.
        PgInstance s = standby(PgRole.STANDBY, "0/4EB1FD0", "0/4EB2000", "0/4EB1FD0", 240.0, true)
                .withLag(48L, 240.0);
        List<NodeView> nodes = List.of(view("node-2", primary("0/4EB1FD0")), view("node-1", s));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-1");
        assertThat(lag.lagBytes()).isZero();
        assertThat(lag.lagSeconds()).isZero();
        assertThat(findings(nodes)).isEmpty();
    }

    @Test
    void recordedIdleClusterHasNoLag() {
        // node-3 primary with replay_lag reset to null, node-1 caught up 41 s after the last transaction
        List<NodeView> nodes = List.of(view("node-3", RecordedRows.instance("pg15-primary-idle.json")),
                view("node-1", RecordedRows.instance("pg15-standby-idle.json")));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-1");
        assertThat(lag.replayAgeSeconds()).isGreaterThan(30);
        assertThat(lag.lagBytes()).isZero();
        assertThat(lag.lagSeconds()).isZero();
        assertThat(findings(nodes)).isEmpty();
    }

    @Test
    void withBytesPendingThePrimarysReplayLagForThatStandbyIsTheSecondsFigure() {
        // recorded just after a write burst: node-1 had replayed 216 KB less than node-2 had written,
        // its own clock said 3.0 s since the last transaction, node-2 measured 7 ms
        List<NodeView> nodes = List.of(view("node-2", RecordedRows.instance("pg15-primary-after-load.json")),
                view("node-1", RecordedRows.instance("pg15-standby-after-load.json")));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-1");
        assertThat(lag.lagBytes()).isEqualTo(Lsn.parse("0/4EE7F70").minus(Lsn.parse("0/4EB1FD0")));
        assertThat(lag.lagSeconds()).isEqualTo(0.007134);
    }

    @Test
    void aStandbyNotStreamingKeepsTheAgeOfItsLastTransactionForWalItHoldsUnreplayed() {
        // its receiver stopped with 4 MB received but not replayed; 20 MB behind the primary, which
        // has no pg_stat_replication row for it: the age of its last transaction is the lag
        PgInstance s = standby(PgRole.STANDBY, "0/4000000", "0/4400000", "0/4000000", 45.0, false);
        List<NodeView> nodes = List.of(view("node-1", primary("0/5400000")), view("node-2", s));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-2");
        assertThat(lag.lagBytes()).isEqualTo(20 * MB);
        assertThat(lag.lagSeconds()).isEqualTo(45.0);
        Finding f = findings(nodes).get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(f.message()).isEqualTo("node-2 is 20 MiB (45 s) behind the primary node-1.");
    }

    @Test
    void walAStandbyHasNotReceivedIsNotAsOldAsItsLastTransaction() {
        // The lab 0.4 s after node-3 was promoted: node-1's receiver had stopped, 48 bytes of the
        // promotion short. After a quiet hour its last transaction would be an hour old: no CRIT for that.
        List<NodeView> nodes = List.of(view("node-3", RecordedRows.instance("pg15-primary-just-promoted.json")),
                view("node-1", PgMapping.instance(RecordedRows.rows("pg15-standby-receiver-stopped-after-promotion.json",
                        s -> s.put("replay_age_seconds", "3600.0")))));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-1");
        assertThat(lag.lagBytes()).isEqualTo(48);
        assertThat(lag.lagSeconds()).isNull();
        assertThat(findings(nodes)).isEmpty();
    }

    @Test
    void aReceiverFarBehindIsStillJudgedByItsBytes() {
        PgInstance s = standby(PgRole.STANDBY, "0/4000000", "0/4000000", "0/4000000", 45.0, false);
        List<NodeView> nodes = List.of(view("node-1", primary("0/14000000")), view("node-2", s));
        assertThat(lagOf(StandbyLag.apply(nodes), "node-2").lagSeconds()).isNull();
        assertThat(findings(nodes)).extracting(Finding::severity).containsExactly(Severity.CRIT);
    }

    @Test
    void aStuckReplayMeasuredByThePrimaryCrossesTheTimeThreshold() {
        PgInstance s = standby(PgRole.STANDBY, "0/4000000", "0/4100000", "0/4000000", 2.0, true);
        List<NodeView> nodes = List.of(view("node-1", primary("0/4100000", row("node-2", "127.0.0.1/32", "0/4000000", 400.0))),
                view("node-2", s));
        assertThat(lagOf(StandbyLag.apply(nodes), "node-2").lagSeconds()).isEqualTo(400.0);
        assertThat(findings(nodes)).extracting(Finding::severity).containsExactly(Severity.CRIT);
    }

    @Test
    void aStreamingStandbyThePrimaryHasNotMeasuredYetHasUnknownSecondsNotItsLastTransactionsAge() {
        // First write after a quiet spell: replay_lag is still null on the primary; the standby's
        // last transaction is 10 min old but that is not how far behind it is.
        PgInstance s = standby(PgRole.STANDBY, "0/4000000", "0/4000000", "0/4000000", 600.0, true);
        List<NodeView> nodes = List.of(view("node-1", primary("0/4000400", row("node-2", "127.0.0.1/32", "0/4000000", null))),
                view("node-2", s));
        PgInstance lag = lagOf(StandbyLag.apply(nodes), "node-2");
        assertThat(lag.lagBytes()).isEqualTo(1024);
        assertThat(lag.lagSeconds()).isNull();
        assertThat(findings(nodes)).isEmpty();
    }

    @Test
    void theReplicationRowIsTheStandbysByNameElseByAnAddressOnlyItUses() {
        PgInstance p = primary("0/5000000", row("lab", "10.0.0.2/32", "0/4000000", 1.5), row("other", "10.0.0.9/32", "0/4000000", 9.0));
        assertThat(StandbyLag.row(p, NodeView.empty("node-2", "10.0.0.2"))).map(PgReplication::replayLagSeconds).contains(1.5);
        assertThat(StandbyLag.row(p, NodeView.empty("other", "10.0.0.2"))).map(PgReplication::replayLagSeconds).contains(9.0);
        PgInstance shared = primary("0/5000000", row("a", "127.0.0.1/32", "0/4000000", 1.0), row("b", "127.0.0.1/32", "0/4000000", 2.0));
        assertThat(StandbyLag.row(shared, NodeView.empty("node-2", "127.0.0.1"))).isEqualTo(Optional.empty());
    }
}
