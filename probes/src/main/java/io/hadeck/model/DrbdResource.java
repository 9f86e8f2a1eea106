package io.hadeck.model;

import java.util.Map;
import java.util.Set;

/**
 * One DRBD resource/minor as seen from one node (8.4 /proc/drbd or DRBD 9 drbdadm status).
 *
 * @param name       resource name, null when the source does not say (8.4 /proc/drbd has only minors)
 * @param connection cs: Connected, WFConnection, StandAlone, SyncSource, SyncTarget, Connecting…
 * @param counters   8.4 counters by their short names (ns, nr, dw, dr, al, bm, lo, pe, ua, ap, ep, oos)
 * @param sync       resync progress, null when no resync runs
 */
public record DrbdResource(int minor, String name, String connection, String role, String peerRole,
                           String disk, String peerDisk, String protocol, long outOfSyncKiB,
                           Map<String, Long> counters, DrbdSync sync) {
    public DrbdResource {
        counters = Map.copyOf(counters);
    }

    /** 8.4 connection states in which the two sides are connected (resyncing, verifying…), besides Connected. */
    private static final Set<String> LINKED = Set.of("Connected", "StartingSyncS", "StartingSyncT", "WFBitMapS", "WFBitMapT",
            "WFSyncUUID", "SyncSource", "SyncTarget", "PausedSyncS", "PausedSyncT", "VerifyS", "VerifyT");

    public boolean isConnected() {
        return "Connected".equals(connection);
    }

    /** Connected to its peer, possibly resyncing: whatever split-brain there was is over. */
    public boolean talksToPeer() {
        return sync != null || LINKED.contains(connection);
    }

    /** Resync progress lines: sync'ed %, finish estimate and speed. */
    public record DrbdSync(double percent, Long finishSeconds, Long speedKiBs) {
    }
}
