package io.hadeck.model;

import java.util.Map;

/**
 * One node as the HA manager (Patroni, leaderl) describes it.
 *
 * @param role            normalised: leader, replica, standby_leader or the manager's own word
 * @param state           normalised: running, streaming, stopped, starting, … as the manager says
 * @param failoverAllowed false when the node is excluded from failover (Patroni nofailover tag)
 * @param pendingRestart  Patroni says a changed setting takes effect only after PostgreSQL restarts
 */
public record HaMember(String name, String role, String state, boolean failoverAllowed, Long lagBytes,
                       Integer timeline, String apiUrl, Map<String, String> tags, boolean pendingRestart) {
    public HaMember {
        tags = Map.copyOf(tags);
    }

    public HaMember(String name, String role, String state, boolean failoverAllowed, Long lagBytes, Integer timeline,
                    String apiUrl, Map<String, String> tags) {
        this(name, role, state, failoverAllowed, lagBytes, timeline, apiUrl, tags, false);
    }
}
