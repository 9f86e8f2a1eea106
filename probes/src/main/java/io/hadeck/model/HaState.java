package io.hadeck.model;

import java.util.List;
import java.util.Optional;

/**
 * The HA manager's view of the cluster, in the parts an operator thinks of: the leader key, each
 * member's record, the failover switch, and the settings its verdicts depend on.
 *
 * @param manager  "patroni", "chef-backend", …
 * @param leader   the leader key: its holder, since when, where that was read from
 * @param members  each member's record
 * @param failover whether automatic failover is on, and any request waiting
 * @param settings the settings its verdicts depend on, null when they could not be read
 */
public record HaState(String manager, LeaderKey leader, List<HaMember> members, Failover failover, HaSettings settings) {

    public HaState {
        java.util.Objects.requireNonNull(leader, "leader");
        java.util.Objects.requireNonNull(failover, "failover");
        members = List.copyOf(members);
    }

    public HaState withSettings(HaSettings s) {
        return new HaState(manager, leader, members, failover, s);
    }

    public HaState withLeader(LeaderKey key) {
        return new HaState(manager, key, members, failover, settings);
    }

    public Optional<HaMember> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
