package io.hadeck.model;

/**
 * The HA manager's cluster-wide settings that decide its verdicts, and what it last recorded in its
 * store: Patroni's dynamic configuration ({@code /config}, the {@code config} key) and its
 * {@code status} and {@code sync} keys. A value the store does not hold is Patroni's default.
 *
 * @param ttl                   seconds the leader key lives without renewal
 * @param loopWait              seconds between two HA loops: member records lag reality by up to this
 * @param maximumLagOnFailover  bytes a candidate may be behind the leader's recorded position
 * @param leaderOptime          the leader's WAL position as recorded in the store at its last loop, null if none
 * @param syncStandby           the synchronous standby(s) the {@code sync} key names, null when none
 */
public record HaSettings(long ttl, long loopWait, long maximumLagOnFailover, boolean synchronousMode,
                         boolean synchronousModeStrict, boolean checkTimeline, Lsn leaderOptime, String syncStandby) {

    /** Patroni's defaults: ttl 30, loop_wait 10, maximum_lag_on_failover 1 MiB, no synchronous mode. */
    public static HaSettings patroniDefaults() {
        return new HaSettings(30, 10, 1L << 20, false, false, false, null, null);
    }
}
