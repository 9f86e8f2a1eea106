package io.hadeck.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The HA manager's leader key as hadeck last read it: who holds it, since when, where that was
 * learnt, and what the holder's own agent said.
 *
 * @param holder     the node named by the leader key, null when nobody holds it
 * @param since      when the current holder took the key, if known
 * @param from       where {@code holder} comes from: the store's leader key, or (the store did not
 *                   answer) the member that says it leads
 * @param agentDown  why the holder's own HA agent (its Patroni REST API) did not answer, null when it
 *                   answered or was not asked: the key then stands only until its lease runs out
 * @param ttlSeconds seconds left on the key's lease when last read, null when unknown
 */
public record LeaderKey(String holder, Instant since, From from, String agentDown, Long ttlSeconds) {

    /** How the leader key holder was learnt. */
    public enum From {
        /** Read from the HA manager's leader key (Patroni's in etcd, leaderl's via cluster-status). */
        LEADER_KEY,
        /** The store did not answer: the member whose role says it leads. A guess, shown as one. */
        MEMBER_ROLES
    }

    public LeaderKey {
        Objects.requireNonNull(from, "from");
    }

    /** A holder read from the key itself, nothing yet said by its agent. */
    public static LeaderKey read(String holder, Instant since) {
        return new LeaderKey(holder, since, From.LEADER_KEY, null, null);
    }

    /** True when the holder was read from the leader key itself, not guessed from member roles. */
    public boolean fromKey() {
        return from == From.LEADER_KEY;
    }

    /** The same key with what the holder's own agent said: why it did not answer, and the lease left. */
    public LeaderKey withAgent(String down, Long ttl) {
        return new LeaderKey(holder, since, from, down, ttl);
    }

    /**
     * Another holder, read from the key itself (the etcd watch); what was said of the old holder's
     * agent goes.
     */
    public LeaderKey movedTo(String next, Instant nextSince) {
        boolean same = Objects.equals(next, holder);
        return new LeaderKey(next, nextSince, From.LEADER_KEY, same ? agentDown : null, same ? ttlSeconds : null);
    }
}
