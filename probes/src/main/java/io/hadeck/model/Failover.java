package io.hadeck.model;

/**
 * The cluster's automatic failover switch and what waits on it.
 *
 * @param enabled        false when paused (Patroni) or cluster failover is disabled (leaderl)
 * @param unreported     null when the manager reported its failover setting; else what it did not say
 *                       ("chef-backend-ctl cluster-status --json has no 'failover_enabled'"), and
 *                       {@code enabled} is only a default
 * @param pendingRequest a switchover/failover request waiting in the store, if any
 */
public record Failover(boolean enabled, String unreported, String pendingRequest) {

    /** A switch the manager reported, with this request waiting (or null). */
    public static Failover reported(boolean enabled, String pendingRequest) {
        return new Failover(enabled, null, pendingRequest);
    }
}
