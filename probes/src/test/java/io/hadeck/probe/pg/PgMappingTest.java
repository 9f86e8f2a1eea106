package io.hadeck.probe.pg;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.model.Lsn;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgRole;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows recorded from the lab's PostgreSQL 15 (primary under load, a streaming standby) as hadeck_monitor. */
class PgMappingTest {

    static PgRows rows(String recorded) {
        JsonNode j = Recorded.json(recorded);
        return new PgRows(row(j.get("status")), list(j.get("replication")), list(j.get("walReceiver")), list(j.get("slots")));
    }

    private static Map<String, String> row(JsonNode n) {
        Map<String, String> m = new HashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return m;
    }

    private static List<Map<String, String>> list(JsonNode n) {
        List<Map<String, String>> out = new ArrayList<>();
        n.forEach(r -> out.add(row(r)));
        return out;
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
    void missingRecoveryColumnIsAClearError() {
        assertThatThrownBy(() -> PgMapping.instance(new PgRows(Map.of(), List.of(), List.of(), List.of())))
                .isInstanceOf(ProbeException.class).hasMessageContaining("pg_is_in_recovery");
    }
}
