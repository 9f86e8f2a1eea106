package io.hadeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The HA manager's view of the cluster: who holds the leader key, since when, whether automatic
 * failover is on, and each member's record.
 *
 * @param manager               "patroni", "chef-backend", …
 * @param leaderKeyHolder       the node named by the leader key, null when nobody holds it
 * @param leaderSince           when the current holder took the key, if known
 * @param clusterFailoverEnabled false when paused (Patroni) or cluster failover is disabled (leaderl)
 * @param pendingRequest        a switchover/failover request waiting in the store, if any
 * @param failoverUnreported    null when the manager reported its cluster failover setting; else what
 *                              it did not say ("chef-backend-ctl cluster-status --json has no
 *                              'failover_enabled'"), and {@code clusterFailoverEnabled} is only a default
 */
public record HaState(String manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                      List<HaMember> members, String pendingRequest, String failoverUnreported) {
    public HaState {
        members = List.copyOf(members);
    }

    /** A manager that reports its failover setting (Patroni always does). */
    public HaState(String manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, null);
    }

    public Optional<HaMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
