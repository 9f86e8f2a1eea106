package io.hadeck.model;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A DRBD connection state: 8.4's cs: (which also carries the resync states) and DRBD 9's
 * connection:. The one list of which states mean the two sides are linked.
 */
public enum DrbdConnection {
    CONNECTED("Connected", true, Severity.OK),
    STARTING_SYNC_S("StartingSyncS", true, Severity.INFO),
    STARTING_SYNC_T("StartingSyncT", true, Severity.INFO),
    WF_BITMAP_S("WFBitMapS", true, Severity.INFO),
    WF_BITMAP_T("WFBitMapT", true, Severity.INFO),
    WF_SYNC_UUID("WFSyncUUID", true, Severity.INFO),
    SYNC_SOURCE("SyncSource", true, Severity.INFO),
    SYNC_TARGET("SyncTarget", true, Severity.INFO),
    PAUSED_SYNC_S("PausedSyncS", true, Severity.INFO),
    PAUSED_SYNC_T("PausedSyncT", true, Severity.INFO),
    VERIFY_S("VerifyS", true, Severity.INFO),
    VERIFY_T("VerifyT", true, Severity.INFO),
    /** Congested, replicating asynchronously: not in the linked set, as before this type. */
    AHEAD("Ahead", false, Severity.WARN),
    BEHIND("Behind", false, Severity.WARN),
    /** Neither replicates nor listens for its peer. */
    STAND_ALONE("StandAlone", false, Severity.CRIT),
    /** 8.4: listening for its peer. */
    WF_CONNECTION("WFConnection", false, Severity.WARN),
    /** DRBD 9: listening for its peer. */
    CONNECTING("Connecting", false, Severity.WARN),
    WF_REPORT_PARAMS("WFReportParams", false, Severity.WARN),
    UNCONNECTED("Unconnected", false, Severity.WARN),
    DISCONNECTING("Disconnecting", false, Severity.WARN),
    TIMEOUT("Timeout", false, Severity.WARN),
    BROKEN_PIPE("BrokenPipe", false, Severity.WARN),
    NETWORK_FAILURE("NetworkFailure", false, Severity.WARN),
    PROTOCOL_ERROR("ProtocolError", false, Severity.WARN),
    TEAR_DOWN("TearDown", false, Severity.WARN),
    /** 8.4: a minor listed in /proc/drbd that runs no resource. */
    UNCONFIGURED("Unconfigured", false, Severity.WARN),
    /** A word this version of hadeck does not know. */
    UNKNOWN("Unknown", false, Severity.WARN);

    private final String word;
    private final boolean linked;
    private final Severity severity;

    DrbdConnection(String word, boolean linked, Severity severity) {
        this.word = word;
        this.linked = linked;
        this.severity = severity;
    }

    /** The state DRBD writes, UNKNOWN for a word this version does not know; never throws. */
    public static DrbdConnection of(String raw) {
        return DrbdWords.of(DrbdConnection.class, DrbdConnection::word, raw, UNKNOWN);
    }

    /** Connected to its peer, possibly resyncing or verifying. */
    public boolean linked() {
        return linked;
    }

    /** A resync runs or waits (SyncSource, PausedSyncT, …). */
    public boolean resyncing() {
        return word.startsWith("Sync") || word.startsWith("PausedSync");
    }

    /** Waiting for its peer to connect (8.4 WFConnection, DRBD 9 Connecting). */
    public boolean waitingForPeer() {
        return this == WF_CONNECTION || this == CONNECTING;
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
