package io.hadeck.model;

import java.util.Map;

/**
 * One node as the HA manager (Patroni, leaderl) describes it.
 *
 * @param role            normalised: leader, replica, standby_leader, or the manager's own word kept as OTHER
 * @param state           running, streaming, stopped, starting, … as the manager says, unknown words kept as OTHER
 * @param failoverAllowed false when the node is excluded from failover (Patroni nofailover tag)
 * @param failoverUnreported null when the manager reported the node's failover setting; else what it
 *                        did not say, and {@code failoverAllowed} is only a default
 * @param pendingRestart  Patroni says a changed setting takes effect only after PostgreSQL restarts
 */
public record HaMember(String name, HaRole role, HaRunState state, boolean failoverAllowed, Long lagBytes,
                       Integer timeline, String apiUrl, Map<String, String> tags, String failoverUnreported,
                       boolean pendingRestart) {
    public HaMember {
        java.util.Objects.requireNonNull(role, "role");
        java.util.Objects.requireNonNull(state, "state");
        tags = Map.copyOf(tags);
    }

    /** A member whose failover setting the manager reported (Patroni's tags always say it). */
    public HaMember(String name, HaRole role, HaRunState state, boolean failoverAllowed, Long lagBytes,
                    Integer timeline, String apiUrl, Map<String, String> tags) {
        this(name, role, state, failoverAllowed, lagBytes, timeline, apiUrl, tags, null, false);
    }

    public HaMember(String name, HaRole role, HaRunState state, boolean failoverAllowed, Long lagBytes,
                    Integer timeline, String apiUrl, Map<String, String> tags, String failoverUnreported) {
        this(name, role, state, failoverAllowed, lagBytes, timeline, apiUrl, tags, failoverUnreported, false);
    }

    public HaMember(String name, HaRole role, HaRunState state, boolean failoverAllowed, Long lagBytes, Integer timeline,
                    String apiUrl, Map<String, String> tags, boolean pendingRestart) {
        this(name, role, state, failoverAllowed, lagBytes, timeline, apiUrl, tags, null, pendingRestart);
    }

    /** The manager runs this member's PostgreSQL: "running", or Patroni 3's "streaming" for a replica. */
    public boolean isRunning() {
        return state.running();
    }
}
