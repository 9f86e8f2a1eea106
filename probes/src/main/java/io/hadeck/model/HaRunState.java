package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What the HA manager says a member's PostgreSQL is doing. Patroni's words are known kinds; any
 * other (a newer Patroni's, or Chef Backend's "pg running, es running") is {@link Kind#OTHER} with
 * its text kept for display.
 *
 * @param word the manager's own words, shown and written to JSON
 */
public record HaRunState(Kind kind, String word) {
    public enum Kind {
        RUNNING,
        /** Patroni 3's word for a replica that streams. */
        STREAMING,
        IN_ARCHIVE_RECOVERY,
        STOPPED,
        STARTING,
        STOPPING,
        RESTARTING,
        CREATING_REPLICA,
        INITIALIZING_NEW_CLUSTER,
        RUNNING_CUSTOM_BOOTSTRAP_SCRIPT,
        CRASHED,
        START_FAILED,
        OTHER;

        /** Patroni's spelling: "creating replica". */
        String word() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** The manager's words; never throws. Missing words read as OTHER "unknown". */
    public static HaRunState of(String raw) {
        if (raw == null) {
            return new HaRunState(Kind.OTHER, "unknown");
        }
        for (Kind k : Kind.values()) {
            if (k != Kind.OTHER && k.word().equalsIgnoreCase(raw)) {
                return new HaRunState(k, k.word());
            }
        }
        return new HaRunState(Kind.OTHER, raw);
    }

    /** The manager runs this member's PostgreSQL: "running", or Patroni 3's "streaming" for a replica. */
    public boolean running() {
        return kind == Kind.RUNNING || kind == Kind.STREAMING;
    }

    /** Patroni is still building or (re)starting the member: a reinitialize now would collide with it. */
    public boolean busy() {
        return switch (kind) {
            case CREATING_REPLICA, STARTING, RESTARTING, STOPPING, RUNNING_CUSTOM_BOOTSTRAP_SCRIPT,
                 INITIALIZING_NEW_CLUSTER -> true;
            default -> false;
        };
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
