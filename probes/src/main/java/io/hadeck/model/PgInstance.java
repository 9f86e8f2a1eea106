package io.hadeck.model;

import java.time.Instant;
import java.util.List;

/**
 * One PostgreSQL server as read through JDBC.
 *
 * @param currentLsn  on a primary pg_current_wal_lsn(), on a standby the replayed position
 * @param receivedLsn standby only: pg_last_wal_receive_lsn()
 * @param replayedLsn standby only: pg_last_wal_replay_lsn()
 * @param lagBytes    standby only: bytes behind the primary's current position (null if unknown)
 * @param lagSeconds  standby only: seconds since the last replayed transaction when WAL is pending
 * @param replication primary only: one row per pg_stat_replication entry
 * @param walReceiver standby only: pg_stat_wal_receiver, null when no receiver runs
 */
public record PgInstance(PgRole role, String serverVersion, int timeline, Lsn currentLsn, Lsn receivedLsn,
                         Lsn replayedLsn, Long lagBytes, Double lagSeconds, Instant lastReplay,
                         boolean replayPaused, List<PgReplication> replication, PgWalReceiver walReceiver,
                         List<PgSlot> slots) {
    public PgInstance {
        replication = List.copyOf(replication);
        slots = List.copyOf(slots);
    }

    public boolean isPrimary() {
        return role == PgRole.PRIMARY;
    }

    /** A row of pg_stat_replication; lags in seconds as PostgreSQL reports them (null when idle). */
    public record PgReplication(String applicationName, String clientAddr, String state, String syncState,
                                Lsn sentLsn, Lsn writeLsn, Lsn flushLsn, Lsn replayLsn,
                                Double writeLagSeconds, Double flushLagSeconds, Double replayLagSeconds) {
    }

    /** pg_stat_wal_receiver on a standby. */
    public record PgWalReceiver(String status, String senderHost, Integer senderPort, String slotName,
                                Integer receivedTimeline, Lsn flushedLsn) {
    }

    public record PgSlot(String name, String type, boolean active, Lsn restartLsn, Long retainedBytes) {
    }
}
