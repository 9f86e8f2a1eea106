package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** A DRBD resource's role on one node (ro: in /proc/drbd, role: in drbdadm status). */
public enum DrbdRole {
    PRIMARY("Primary"),
    SECONDARY("Secondary"),
    /** The peer's role when it is not connected, or a word this version does not know. */
    UNKNOWN("Unknown");

    private final String word;

    DrbdRole(String word) {
        this.word = word;
    }

    /** The role DRBD writes; null stays null (an unconfigured minor has none). */
    public static DrbdRole of(String raw) {
        return raw == null ? null : DrbdWords.of(DrbdRole.class, DrbdRole::word, raw, UNKNOWN);
    }

    @JsonValue
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
