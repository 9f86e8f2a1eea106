package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** A DRBD disk state (ds: in /proc/drbd, disk: in drbdadm status), local or as seen of the peer. */
public enum DrbdDisk {
    UP_TO_DATE("UpToDate", Severity.OK),
    /** The peer's disk while it is not connected: nothing wrong with this side. */
    D_UNKNOWN("DUnknown", Severity.OK),
    CONSISTENT("Consistent", Severity.WARN),
    OUTDATED("Outdated", Severity.WARN),
    ATTACHING("Attaching", Severity.WARN),
    DETACHING("Detaching", Severity.WARN),
    NEGOTIATING("Negotiating", Severity.WARN),
    /** Its data is incomplete: promoting it loses data. */
    INCONSISTENT("Inconsistent", Severity.CRIT),
    DISKLESS("Diskless", Severity.CRIT),
    FAILED("Failed", Severity.CRIT),
    /** A word this version of hadeck does not know. */
    UNKNOWN("Unknown", Severity.WARN);

    private final String word;
    private final Severity severity;

    DrbdDisk(String word, Severity severity) {
        this.word = word;
        this.severity = severity;
    }

    /** The state DRBD writes; null stays null (an unconfigured minor has none). */
    public static DrbdDisk of(String raw) {
        return raw == null ? null : DrbdWords.of(DrbdDisk.class, DrbdDisk::word, raw, UNKNOWN);
    }

    public Severity severity() {
        return severity;
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
