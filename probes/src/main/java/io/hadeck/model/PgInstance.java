package io.hadeck.model;

import java.time.Instant;
import java.util.List;

/**
 * One PostgreSQL server as read through JDBC.
 *
 * @param timeline         the best timeline known; how far it can be trusted is {@code timelineSource}
 * @param currentLsn       on a primary pg_current_wal_lsn(), on a standby the replayed position
 * @param receivedLsn      standby only: pg_last_wal_receive_lsn()
 * @param replayedLsn      standby only: pg_last_wal_replay_lsn()
 * @param lagBytes         standby only: bytes behind the primary's current position (null if unknown)
 * @param lagSeconds       standby only: seconds behind, 0 when nothing is pending (null if unknown)
 * @param replayAgeSeconds standby only: now() − pg_last_xact_replay_timestamp(), the age of the newest
 *                         replayed transaction; it grows on an idle primary, so it is lag only while WAL
 *                         is pending (null when no transaction was replayed since the server started)
 * @param replication      primary only: one row per pg_stat_replication entry
 * @param walReceiver      standby only: pg_stat_wal_receiver, null when no receiver runs
 * @param clientSessions   client backends connected (pg_stat_activity, hadeck's own excluded), null if unknown:
 *                         where clients write when two nodes accept writes
 * @param newestHistory    the newest timeline history file in pg_wal (pg_ls_waldir()), null when there is none
 *                         (timeline 1) or it was not read: a standby holding one its primary does not have
 *                         follows a timeline the primary never had
 * @param receiverLog      standby only, not streaming: what its PostgreSQL log last said about streaming (read
 *                         over ssh where the config names the log), null when not read
 */
public record PgInstance(PgRole role, String serverVersion, int timeline, TimelineSource timelineSource,
                         Lsn currentLsn, Lsn receivedLsn, Lsn replayedLsn, Long lagBytes, Double lagSeconds,
                         Double replayAgeSeconds, Instant lastReplay, boolean replayPaused,
                         List<PgReplication> replication, PgWalReceiver walReceiver, List<PgSlot> slots,
                         Integer clientSessions, TimelineHistory newestHistory, ReceiverLog receiverLog) {
    public PgInstance {
        timelineSource = timelineSource == null ? TimelineSource.UNKNOWN : timelineSource;
        replication = List.copyOf(replication);
        slots = List.copyOf(slots);
    }

    /** Without the timeline history and the log (recorded readings, tests). */
    public PgInstance(PgRole role, String serverVersion, int timeline, TimelineSource timelineSource,
                      Lsn currentLsn, Lsn receivedLsn, Lsn replayedLsn, Long lagBytes, Double lagSeconds,
                      Double replayAgeSeconds, Instant lastReplay, boolean replayPaused,
                      List<PgReplication> replication, PgWalReceiver walReceiver, List<PgSlot> slots,
                      Integer clientSessions) {
        this(role, serverVersion, timeline, timelineSource, currentLsn, receivedLsn, replayedLsn, lagBytes, lagSeconds,
                replayAgeSeconds, lastReplay, replayPaused, replication, walReceiver, slots, clientSessions, null, null);
    }

    /** Without the client session count (recorded readings, tests). */
    public PgInstance(PgRole role, String serverVersion, int timeline, TimelineSource timelineSource,
                      Lsn currentLsn, Lsn receivedLsn, Lsn replayedLsn, Long lagBytes, Double lagSeconds,
                      Double replayAgeSeconds, Instant lastReplay, boolean replayPaused,
                      List<PgReplication> replication, PgWalReceiver walReceiver, List<PgSlot> slots) {
        this(role, serverVersion, timeline, timelineSource, currentLsn, receivedLsn, replayedLsn, lagBytes, lagSeconds,
                replayAgeSeconds, lastReplay, replayPaused, replication, walReceiver, slots, null);
    }

    public boolean isPrimary() {
        return role == PgRole.PRIMARY;
    }

    /** The same reading with the lag measured against the primary (see the watcher's StandbyLag). */
    public PgInstance withLag(Long bytes, Double seconds) {
        return new PgInstance(role, serverVersion, timeline, timelineSource, currentLsn, receivedLsn, replayedLsn,
                bytes, seconds, replayAgeSeconds, lastReplay, replayPaused, replication, walReceiver, slots, clientSessions,
                newestHistory, receiverLog);
    }

    /** The same reading with what the node's log says about its WAL receiver. */
    public PgInstance withReceiverLog(ReceiverLog log) {
        return new PgInstance(role, serverVersion, timeline, timelineSource, currentLsn, receivedLsn, replayedLsn,
                lagBytes, lagSeconds, replayAgeSeconds, lastReplay, replayPaused, replication, walReceiver, slots,
                clientSessions, newestHistory, log);
    }

    /** The newest timeline this node holds a history file of; 1 (which has none) when there is none. */
    public int newestHistoryTimeline() {
        return newestHistory == null ? 1 : newestHistory.timeline();
    }

    /** The replication slot of that name, if this node has it. */
    public java.util.Optional<PgSlot> slot(String name) {
        return slots.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The WAL receiver runs and streams: what it reports is current. */
    public boolean isStreaming() {
        return walReceiver != null && "streaming".equalsIgnoreCase(walReceiver.status());
    }

    /**
     * Where {@link #timeline} comes from. PostgreSQL 15 tells a standby's replay timeline only
     * through a streaming WAL receiver; without one, the control file still names a timeline the
     * standby has reached, but it lags behind a promotion or a pg_rewind.
     */
    public enum TimelineSource {
        /** A primary's current WAL file name: exact. */
        CURRENT_WAL(true),
        /** A streaming WAL receiver's received_tli: exact. */
        WAL_RECEIVER(true),
        /**
         * A standby without a streaming receiver: the newest timeline its control file (last
         * restartpoint, minimum recovery point) or its idle receiver names. Its WAL history reaches
         * at least this timeline; the real one may be later.
         */
        AT_LEAST(false),
        /** No source answered; the timeline is 0. */
        UNKNOWN(false);

        private final boolean exact;

        TimelineSource(boolean exact) {
            this.exact = exact;
        }

        public boolean exact() {
            return exact;
        }
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

    /**
     * @param walStatus PostgreSQL's wal_status: reserved, extended, unreserved (the WAL it needs is about to go) or
     *                  lost (gone: its standby can never catch up through it), null when unknown
     */
    public record PgSlot(String name, String type, boolean active, Lsn restartLsn, Long retainedBytes, String walStatus) {
        public PgSlot(String name, String type, boolean active, Lsn restartLsn, Long retainedBytes) {
            this(name, type, active, restartLsn, retainedBytes, null);
        }

        /** The WAL this slot's standby needs is gone or about to go. */
        public boolean walLost() {
            return "lost".equals(walStatus) || "unreserved".equals(walStatus);
        }
    }

    /**
     * A timeline history file in pg_wal ({@code 0000000N.history}).
     *
     * @param began the file's modification time: when this node learnt of the timeline (at its promotion, or when
     *              it fetched the file from the server it streamed from)
     */
    public record TimelineHistory(int timeline, Instant began) {
    }
}
