package io.hadeck.probe.pg;

import io.hadeck.model.Lsn;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgInstance.PgReplication;
import io.hadeck.model.PgInstance.PgSlot;
import io.hadeck.model.PgInstance.PgWalReceiver;
import io.hadeck.model.PgInstance.TimelineSource;
import io.hadeck.model.PgRole;
import io.hadeck.probe.ProbeException;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Pure: the text rows of {@link PgQueries} → a {@link PgInstance}. */
public final class PgMapping {

    private PgMapping() {
    }

    public static PgInstance instance(PgRows rows) {
        Map<String, String> s = rows.status();
        String recovery = s.get("in_recovery");
        if (recovery == null) {
            throw new ProbeException("unexpected answer from PostgreSQL: no pg_is_in_recovery()");
        }
        boolean standby = Boolean.parseBoolean(recovery);
        PgWalReceiver receiver = rows.walReceiver().isEmpty() ? null : walReceiver(rows.walReceiver().get(0));
        Lsn received = lsn(s.get("received_lsn"));
        Lsn replayed = lsn(s.get("replayed_lsn"));
        Lsn current = standby ? replayed : lsn(s.get("current_lsn"));
        Double replayAge = standby ? dbl(s.get("replay_age_seconds")) : null;
        Long lagBytes = null;
        Double lagSeconds = null;
        if (standby && received != null && replayed != null) {
            // Until the watcher knows the primary's position, what is received but not replayed is the lag.
            lagBytes = Math.max(0, received.minus(replayed));
            // Replay at or past the received position means nothing is pending (after pg_rewind a
            // restarted standby reports replay ahead of a receive position that restarts at a segment).
            lagSeconds = received.compareTo(replayed) <= 0 ? Double.valueOf(0) : replayAge;
        }
        Timeline tl = standby ? standbyTimeline(s, receiver) : primaryTimeline(s);
        return new PgInstance(standby ? PgRole.STANDBY : PgRole.PRIMARY, s.get("server_version"), tl.id(), tl.source(),
                current, standby ? received : null, standby ? replayed : null, lagBytes, lagSeconds, replayAge,
                epoch(s.get("last_replay_epoch")), Boolean.parseBoolean(s.get("replay_paused")),
                rows.replication().stream().map(PgMapping::replication).toList(), receiver,
                rows.slots().stream().map(PgMapping::slot).toList(), integer(s.get("client_sessions")), history(s), null);
    }

    private record Timeline(int id, TimelineSource source) {
    }

    /** A primary names its timeline in its current WAL file name. */
    private static Timeline primaryTimeline(Map<String, String> s) {
        Integer t = integer(s.get("wal_timeline"));
        return t == null ? new Timeline(0, TimelineSource.UNKNOWN) : new Timeline(t, TimelineSource.CURRENT_WAL);
    }

    /**
     * A streaming receiver's timeline is exact. Otherwise each remaining source names a timeline the
     * standby's WAL history has reached, so the newest of them is the best lower bound: the last restartpoint's
     * timeline lags furthest (until the next checkpoint record is replayed), the minimum recovery
     * point's less (pg_rewind sets it to the new timeline), and an idle receiver's is what it last got.
     */
    private static Timeline standbyTimeline(Map<String, String> s, PgWalReceiver receiver) {
        Integer received = receiver == null ? null : receiver.receivedTimeline();
        if (received != null && "streaming".equalsIgnoreCase(receiver.status())) {
            return new Timeline(received, TimelineSource.WAL_RECEIVER);
        }
        int best = Stream.of(received, integer(s.get("min_recovery_timeline")), integer(s.get("checkpoint_timeline")))
                .filter(Objects::nonNull).mapToInt(Integer::intValue).max().orElse(0);
        return best > 0 ? new Timeline(best, TimelineSource.AT_LEAST) : new Timeline(0, TimelineSource.UNKNOWN);
    }

    /** The newest timeline history file in pg_wal, null when there is none (timeline 1 has none). */
    private static PgInstance.TimelineHistory history(Map<String, String> s) {
        Integer t = integer(s.get("history_timeline"));
        return t == null ? null : new PgInstance.TimelineHistory(t, epoch(s.get("history_epoch")));
    }

    private static PgReplication replication(Map<String, String> r) {
        return new PgReplication(r.get("application_name"), r.get("client_addr"), r.get("state"), r.get("sync_state"),
                lsn(r.get("sent_lsn")), lsn(r.get("write_lsn")), lsn(r.get("flush_lsn")), lsn(r.get("replay_lsn")),
                dbl(r.get("write_lag")), dbl(r.get("flush_lag")), dbl(r.get("replay_lag")));
    }

    private static PgWalReceiver walReceiver(Map<String, String> r) {
        return new PgWalReceiver(r.get("status"), r.get("sender_host"), integer(r.get("sender_port")), r.get("slot_name"),
                integer(r.get("received_tli")), lsn(r.get("flushed_lsn")));
    }

    private static PgSlot slot(Map<String, String> r) {
        String retained = r.get("retained_bytes");
        return new PgSlot(r.get("slot_name"), r.get("slot_type"), Boolean.parseBoolean(r.get("active")),
                lsn(r.get("restart_lsn")), retained == null ? null : Math.max(0, Long.parseLong(retained)),
                r.get("wal_status"));
    }

    private static Lsn lsn(String text) {
        return text == null ? null : Lsn.parse(text);
    }

    private static Double dbl(String text) {
        return text == null ? null : Double.parseDouble(text);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.parseInt(text);
    }

    private static Instant epoch(String text) {
        if (text == null) {
            return null;
        }
        double d = Double.parseDouble(text);
        long secs = (long) Math.floor(d);
        return Instant.ofEpochSecond(secs, Math.round((d - secs) * 1e9));
    }

}
