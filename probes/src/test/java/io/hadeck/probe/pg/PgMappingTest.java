package io.hadeck.probe.pg;

import io.hadeck.model.Lsn;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgInstance.TimelineSource;
import io.hadeck.model.PgRole;
import io.hadeck.probe.ProbeException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows recorded from the lab's PostgreSQL 15 as hadeck_monitor: pg15-primary/standby under load;
 * pg15-*-after-load, -just-promoted, -receiver-stopped-after-promotion and -idle around a node-crash
 * failover (primary node-2 on timeline 2 crashed, node-3 promoted to timeline 3).
 */
class PgMappingTest {

    static PgRows rows(String recorded) {
        return RecordedRows.rows(recorded);
    }

    @Test
    void primary() {
        PgInstance pg = PgMapping.instance(rows("pg15-primary.json"));
        assertThat(pg.role()).isEqualTo(PgRole.PRIMARY);
        assertThat(pg.serverVersion()).startsWith("15.");
        assertThat(pg.timeline()).isEqualTo(1);
        assertThat(pg.currentLsn()).isEqualTo(Lsn.parse("0/4D10160"));
        assertThat(pg.lagBytes()).isNull();
        assertThat(pg.replication()).extracting(PgInstance.PgReplication::applicationName).containsExactly("node-2", "node-3");
        assertThat(pg.replication().get(1).replayLagSeconds()).isEqualTo(0.002185);
        assertThat(pg.replication().get(0).replayLagSeconds()).isNull();
        assertThat(pg.slots()).extracting(PgInstance.PgSlot::name).containsExactly("node_2", "node_3");
        assertThat(pg.walReceiver()).isNull();
    }

    @Test
    void streamingStandby() {
        PgInstance pg = PgMapping.instance(rows("pg15-standby.json"));
        assertThat(pg.role()).isEqualTo(PgRole.STANDBY);
        assertThat(pg.timeline()).isEqualTo(1);
        assertThat(pg.receivedLsn()).isEqualTo(pg.replayedLsn());
        assertThat(pg.currentLsn()).isEqualTo(pg.replayedLsn());
        assertThat(pg.lagBytes()).isZero();
        assertThat(pg.lagSeconds()).isZero();           // nothing pending: an idle primary is not lag
        assertThat(pg.lastReplay()).isNotNull();
        assertThat(pg.walReceiver().status()).isEqualTo("streaming");
        assertThat(pg.walReceiver().senderHost()).isEqualTo("127.0.7.2");
        assertThat(pg.replayPaused()).isFalse();
    }

    @Test
    void pendingWalGivesLagFromReplayAge() {
        PgRows r = rows("pg15-standby.json");
        Map<String, String> s = new HashMap<>(r.status());
        s.put("received_lsn", "0/4E00000");
        PgInstance pg = PgMapping.instance(new PgRows(s, r.replication(), r.walReceiver(), r.slots()));
        assertThat(pg.lagBytes()).isEqualTo(Lsn.parse("0/4E00000").minus(Lsn.parse("0/4D5D470")));
        assertThat(pg.lagSeconds()).isEqualTo(0.261933);
    }

    @Test
    void pendingWalBeforeAnyReplayedTransactionHasUnknownLagSeconds() {
        PgRows r = rows("pg15-standby.json");
        Map<String, String> s = new HashMap<>(r.status());
        s.put("received_lsn", "0/4E00000");
        s.put("replay_age_seconds", null);     // seen on a standby restarted after a crash
        s.put("last_replay_epoch", null);
        PgInstance pg = PgMapping.instance(new PgRows(s, r.replication(), r.walReceiver(), r.slots()));
        assertThat(pg.lagSeconds()).isNull();
        assertThat(pg.lagBytes()).isPositive();
    }

    @Test
    void aStandbyRejoinedAfterFailoverWithReplayAheadOfReceiveIsNotLagging() {
        // Seen on the lab after node-start: receive restarts at a segment boundary behind replay.
        PgRows r = rows("pg15-standby.json");
        Map<String, String> s = new HashMap<>(r.status());
        s.put("received_lsn", "0/4000000");
        s.put("replayed_lsn", "0/402DB70");
        s.put("replay_age_seconds", "243.3");
        PgInstance pg = PgMapping.instance(new PgRows(s, r.replication(), r.walReceiver(), r.slots()));
        assertThat(pg.lagBytes()).isZero();
        assertThat(pg.lagSeconds()).isZero();
    }

    @Test
    void aPrimarysTimelineComesFromItsWalFileAndIsExact() {
        PgInstance pg = PgMapping.instance(rows("pg15-primary-just-promoted.json"));
        assertThat(pg.timeline()).isEqualTo(3);
        assertThat(pg.timelineSource()).isEqualTo(TimelineSource.CURRENT_WAL);
        assertThat(pg.replayAgeSeconds()).as("a primary replays nothing").isNull();
    }

    @Test
    void aStreamingStandbysTimelineIsItsReceiversAndExact() {
        // recorded while the restartpoint still named timeline 1, two switches back
        PgInstance pg = PgMapping.instance(rows("pg15-standby-after-load.json"));
        assertThat(pg.timeline()).isEqualTo(2);
        assertThat(pg.timelineSource()).isEqualTo(TimelineSource.WAL_RECEIVER);
        assertThat(pg.replayAgeSeconds()).isEqualTo(2.988213);
    }

    @Test
    void aStandbyWhoseReceiverStoppedKnowsOnlyALowerBoundFromItsControlFile() {
        // Recorded on the lab 0.4 s after node-3 was promoted to timeline 3: node-1's receiver had
        // stopped; its last restartpoint said timeline 1, its minimum recovery point (pg_rewind) 2.
        PgInstance pg = PgMapping.instance(rows("pg15-standby-receiver-stopped-after-promotion.json"));
        assertThat(pg.walReceiver()).isNull();
        assertThat(pg.timeline()).isEqualTo(2);
        assertThat(pg.timelineSource()).isEqualTo(TimelineSource.AT_LEAST);
        assertThat(pg.timelineSource().exact()).isFalse();
    }

    @Test
    void aWaitingReceiversTimelineIsOnlyALowerBound() {
        // between two timelines the receiver waits (status "waiting") with the one it last streamed
        PgRows r = rows("pg15-standby-after-load.json");
        Map<String, String> waiting = new HashMap<>(r.walReceiver().get(0));
        waiting.put("status", "waiting");
        PgInstance pg = PgMapping.instance(new PgRows(r.status(), r.replication(), List.of(waiting), r.slots()));
        assertThat(pg.timeline()).isEqualTo(2);
        assertThat(pg.timelineSource()).isEqualTo(TimelineSource.AT_LEAST);
    }

    @Test
    void aStandbyWithNoTimelineSourceSaysUnknown() {
        PgInstance pg = PgMapping.instance(RecordedRows.rows("pg15-standby-receiver-stopped-after-promotion.json", s -> {
            s.put("checkpoint_timeline", null);
            s.put("min_recovery_timeline", "0");   // pg_control_recovery() says 0 when it has no minimum recovery point
        }));
        assertThat(pg.timeline()).isZero();
        assertThat(pg.timelineSource()).isEqualTo(TimelineSource.UNKNOWN);
    }

    @Test
    void missingRecoveryColumnIsAClearError() {
        assertThatThrownBy(() -> PgMapping.instance(new PgRows(Map.of(), List.of(), List.of(), List.of())))
                .isInstanceOf(ProbeException.class).hasMessageContaining("pg_is_in_recovery");
    }
}
