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
 * @param leaderAgentDown       why the key holder's own HA agent (its Patroni REST API) did not answer, null when
 *                              it answered or was not asked: the key then stands only until its lease runs out
 * @param leaderKeyTtlSeconds   seconds left on the leader key's lease when last read, null when unknown
 * @param settings              the settings its verdicts depend on, null when they could not be read
 */
public record HaState(String manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                      List<HaMember> members, String pendingRequest, String leaderAgentDown, Long leaderKeyTtlSeconds,
                      HaSettings settings) {
    public HaState {
        members = List.copyOf(members);
    }

    public HaState(String manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, null, null, null);
    }

    public HaState withSettings(HaSettings s) {
        return new HaState(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest,
                leaderAgentDown, leaderKeyTtlSeconds, s);
    }

    /** The same reading with what the key holder's own agent said: why it did not answer, and the key's lease left. */
    public HaState withLeaderAgent(String down, Long ttlSeconds) {
        return new HaState(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest,
                down, ttlSeconds, settings);
    }

    /** The same reading with another leader key holder (from the etcd watch); what was said of the old holder's agent goes. */
    public HaState withLeader(String holder, Instant since) {
        boolean same = java.util.Objects.equals(holder, leaderKeyHolder);
        return new HaState(manager, holder, since, clusterFailoverEnabled, members, pendingRequest,
                same ? leaderAgentDown : null, same ? leaderKeyTtlSeconds : null, settings);
    }

    public Optional<HaMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
