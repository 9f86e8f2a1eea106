package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A member's role as its HA manager says it, normalised: Patroni's master/primary/leader read as
 * {@code leader}. A word a newer manager sends that hadeck does not know is kept as {@link Kind#OTHER}
 * with its text, for display: a live service never makes the reading fail.
 *
 * @param word the word shown and written to JSON
 */
public record HaRole(Kind kind, String word) {
    public enum Kind {
        /** Holds the leader key and runs the writable primary. */
        LEADER,
        /** Leads a standby cluster: replicates from another cluster, holds this one's key. */
        STANDBY_LEADER,
        REPLICA,
        SYNC_STANDBY,
        /** leaderl: follows the elected leader. */
        FOLLOWER,
        /** leaderl: no leader elected yet. */
        WAITING_FOR_LEADER,
        OTHER
    }

    public static final HaRole LEADER = new HaRole(Kind.LEADER, "leader");

    /** The manager's word; never throws. A missing role reads as OTHER "unknown". */
    public static HaRole of(String raw) {
        if (raw == null) {
            return new HaRole(Kind.OTHER, "unknown");
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "master", "primary", "leader" -> LEADER;
            case "standby_leader" -> new HaRole(Kind.STANDBY_LEADER, "standby_leader");
            case "replica" -> new HaRole(Kind.REPLICA, "replica");
            case "sync_standby" -> new HaRole(Kind.SYNC_STANDBY, "sync_standby");
            case "follower" -> new HaRole(Kind.FOLLOWER, "follower");
            case "waiting_for_leader" -> new HaRole(Kind.WAITING_FOR_LEADER, "waiting_for_leader");
            default -> new HaRole(Kind.OTHER, raw);
        };
    }

    /** The member leads its cluster (a standby cluster's leader included). */
    public boolean leads() {
        return kind == Kind.LEADER || kind == Kind.STANDBY_LEADER;
    }

    @JsonValue
    @Override
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
