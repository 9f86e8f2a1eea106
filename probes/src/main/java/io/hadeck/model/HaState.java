package io.hadeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The HA manager's view of the cluster: who holds the leader key, since when, whether automatic
 * failover is on, and each member's record.
 *
 * @param manager               which manager reported it
 * @param leaderKeyHolder       the node named by the leader key, null when nobody holds it
 * @param leaderSince           when the current holder took the key, if known
 * @param clusterFailoverEnabled false when paused (Patroni) or cluster failover is disabled (leaderl)
 * @param pendingRequest        a switchover/failover request waiting in the store, if any
 * @param holderFrom            where {@code leaderKeyHolder} comes from: the store's leader key, or (the
 *                              store did not answer) the member that says it leads
 * @param failoverUnreported    null when the manager reported its cluster failover setting; else what
 *                              it did not say ("chef-backend-ctl cluster-status --json has no
 *                              'failover_enabled'"), and {@code clusterFailoverEnabled} is only a default
 * @param leaderAgentDown       why the key holder's own HA agent (its Patroni REST API) did not answer, null when
 *                              it answered or was not asked: the key then stands only until its lease runs out
 * @param leaderKeyTtlSeconds   seconds left on the leader key's lease when last read, null when unknown
 * @param settings              the settings its verdicts depend on, null when they could not be read
 */
public record HaState(HaManagerKind manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                      List<HaMember> members, String pendingRequest, HolderFrom holderFrom, String failoverUnreported,
                      String leaderAgentDown, Long leaderKeyTtlSeconds, HaSettings settings) {

    /** How the leader key holder was learnt. */
    public enum HolderFrom {
        /** Read from the HA manager's leader key (Patroni's in etcd, leaderl's via cluster-status). */
        LEADER_KEY,
        /** The store did not answer: the member whose role says it leads. A guess, shown as one. */
        MEMBER_ROLES
    }

    public HaState {
        members = List.copyOf(members);
        java.util.Objects.requireNonNull(holderFrom, "holderFrom");
    }

    /** A state whose holder was read from the leader key, from a manager that reports its failover setting. */
    public HaState(HaManagerKind manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, HolderFrom.LEADER_KEY,
                null);
    }

    /** A manager that reports its failover setting (Patroni always does). */
    public HaState(HaManagerKind manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest, HolderFrom holderFrom) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, holderFrom, null);
    }

    /** A holder read from the leader key; {@code failoverUnreported} as above. */
    public HaState(HaManagerKind manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest, String failoverUnreported) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, HolderFrom.LEADER_KEY,
                failoverUnreported);
    }

    public HaState(HaManagerKind manager, String leaderKeyHolder, Instant leaderSince, boolean clusterFailoverEnabled,
                   List<HaMember> members, String pendingRequest, HolderFrom holderFrom, String failoverUnreported) {
        this(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest, holderFrom,
                failoverUnreported, null, null, null);
    }

    /** True when the holder was read from the leader key itself, not guessed from member roles. */
    public boolean holderFromKey() {
        return holderFrom == HolderFrom.LEADER_KEY;
    }

    public HaState withSettings(HaSettings s) {
        return new HaState(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest,
                holderFrom, failoverUnreported, leaderAgentDown, leaderKeyTtlSeconds, s);
    }

    /** The same reading with what the key holder's own agent said: why it did not answer, and the key's lease left. */
    public HaState withLeaderAgent(String down, Long ttlSeconds) {
        return new HaState(manager, leaderKeyHolder, leaderSince, clusterFailoverEnabled, members, pendingRequest,
                holderFrom, failoverUnreported, down, ttlSeconds, settings);
    }

    /**
     * The same reading with another leader key holder, read from the key itself (the etcd watch);
     * what was said of the old holder's agent goes.
     */
    public HaState withLeader(String holder, Instant since) {
        boolean same = java.util.Objects.equals(holder, leaderKeyHolder);
        return new HaState(manager, holder, since, clusterFailoverEnabled, members, pendingRequest, HolderFrom.LEADER_KEY,
                failoverUnreported, same ? leaderAgentDown : null, same ? leaderKeyTtlSeconds : null, settings);
    }

    public Optional<HaMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
