package io.hadeck.probe.pg;

/**
 * The SQL the PostgreSQL reader runs. Every value comes back as text (LSNs, epochs) so the mapper
 * is pure and can be fed recorded rows. Works for a {@code pg_monitor} member; functions that
 * refuse to run on one side (pg_current_wal_lsn on a standby, pg_is_wal_replay_paused on a
 * primary) sit behind a CASE on pg_is_in_recovery().
 *
 * <p>A standby's timeline: PostgreSQL 15 has no function for the timeline of the replayed position
 * (pg_walfile_name() refuses to run in recovery). pg_stat_wal_receiver.received_tli is exact while
 * a receiver streams; otherwise only the control file's last restartpoint (checkpoint_timeline) and
 * minimum recovery point (min_recovery_timeline, set by pg_rewind to the new timeline) remain, and
 * both lag behind a timeline switch: replay is on that timeline or a later one.
 *
 * <p>The newest {@code 0000000N.history} file in pg_wal (pg_ls_waldir(), granted to pg_monitor) names
 * the newest timeline a node knows of: a standby fetches the history of a timeline as soon as the
 * server it streams from has one, and follows it (recovery_target_timeline latest). A standby
 * holding a history its primary does not have follows a timeline the primary never had.
 */
final class PgQueries {
    private PgQueries() {
    }

    static final String STATUS = """
            select pg_is_in_recovery()::text as in_recovery,
                   current_setting('server_version') as server_version,
                   case when pg_is_in_recovery() then null else pg_current_wal_lsn()::text end as current_lsn,
                   case when pg_is_in_recovery() then null
                        else ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int::text end as wal_timeline,
                   pg_last_wal_receive_lsn()::text as received_lsn,
                   pg_last_wal_replay_lsn()::text as replayed_lsn,
                   extract(epoch from pg_last_xact_replay_timestamp())::text as last_replay_epoch,
                   extract(epoch from now() - pg_last_xact_replay_timestamp())::text as replay_age_seconds,
                   case when pg_is_in_recovery() then pg_is_wal_replay_paused()::text else 'false' end as replay_paused,
                   (select timeline_id::text from pg_control_checkpoint()) as checkpoint_timeline,
                   (select min_recovery_end_timeline::text from pg_control_recovery()) as min_recovery_timeline,
                   (select count(*)::text from pg_stat_activity
                     where backend_type = 'client backend' and usename <> current_user
                       and coalesce(application_name, '') not like 'Patroni%') as client_sessions,
                   h.history_timeline, h.history_epoch
            from (select null) one
            left join lateral (select ('x' || substr(name, 1, 8))::bit(32)::int::text as history_timeline,
                                      extract(epoch from modification)::text as history_epoch
                               from pg_ls_waldir() where name ~ '^[0-9A-F]{8}\\.history$'
                               order by name desc limit 1) h on true
            """;

    static final String REPLICATION = """
            select application_name, client_addr::text as client_addr, state, sync_state,
                   sent_lsn::text as sent_lsn, write_lsn::text as write_lsn, flush_lsn::text as flush_lsn,
                   replay_lsn::text as replay_lsn,
                   extract(epoch from write_lag)::text as write_lag, extract(epoch from flush_lag)::text as flush_lag,
                   extract(epoch from replay_lag)::text as replay_lag
            from pg_stat_replication order by application_name
            """;

    static final String WAL_RECEIVER = """
            select status, sender_host, sender_port::text as sender_port, slot_name,
                   received_tli::text as received_tli, flushed_lsn::text as flushed_lsn
            from pg_stat_wal_receiver
            """;

    static final String SLOTS = """
            select slot_name, slot_type, active::text as active, restart_lsn::text as restart_lsn, wal_status,
                   case when pg_is_in_recovery() or restart_lsn is null then null
                        else pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint::text end as retained_bytes
            from pg_replication_slots order by slot_name
            """;
}
