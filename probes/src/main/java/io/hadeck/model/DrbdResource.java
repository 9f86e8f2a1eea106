package io.hadeck.model;

import java.util.Map;

/**
 * One DRBD resource/minor as seen from one node (8.4 /proc/drbd or DRBD 9 drbdadm status).
 *
 * @param name       resource name, null when the source does not say (8.4 /proc/drbd has only minors)
 * @param connection cs: Connected, WFConnection, StandAlone, SyncSource, SyncTarget, Connecting…
 * @param counters   8.4 counters by their short names (ns, nr, dw, dr, al, bm, lo, pe, ua, ap, ep, oos)
 * @param sync       resync progress, null when no resync runs
 */
public record DrbdResource(int minor, String name, DrbdConnection connection, DrbdRole role, DrbdRole peerRole,
                           DrbdDisk disk, DrbdDisk peerDisk, String protocol, long outOfSyncKiB,
                           Map<String, Long> counters, DrbdSync sync) {
    public DrbdResource {
        counters = Map.copyOf(counters);
    }

    /** The words as DRBD writes them, read case-insensitively; a word this version does not know reads as UNKNOWN. */
    public DrbdResource(int minor, String name, String connection, String role, String peerRole, String disk,
                        String peerDisk, String protocol, long outOfSyncKiB, Map<String, Long> counters, DrbdSync sync) {
        this(minor, name, DrbdConnection.of(connection), DrbdRole.of(role), DrbdRole.of(peerRole), DrbdDisk.of(disk),
                DrbdDisk.of(peerDisk), protocol, outOfSyncKiB, counters, sync);
    }

    /**
     * The resource as its own reading names it: its name, or "minor N" where /proc/drbd (8.4) names
     * none. With the node's status at hand, {@link DrbdStatus#label} also asks the configuration.
     */
    public String label() {
        return name != null ? name : "minor " + minor;
    }

    /**
     * What the two sides of a pair and two readings of one node share for this resource, from the
     * reading alone (never the configuration, which one side may not have read): its name and
     * volume for DRBD 9 (whose status gives the volume where it gives no minor), its minor for 8.4.
     * A resource's volumes are separate devices: keyed by name alone, pc0's two volumes on one node
     * looked like two Primaries of one resource.
     */
    public String key() {
        return name != null ? name + "/" + minor : "minor " + minor;
    }

    public boolean isConnected() {
        return connection == DrbdConnection.CONNECTED;
    }

    public boolean isPrimary() {
        return role == DrbdRole.PRIMARY;
    }

    /** Both disks UpToDate: nothing to resync. */
    public boolean bothUpToDate() {
        return disk == DrbdDisk.UP_TO_DATE && peerDisk == DrbdDisk.UP_TO_DATE;
    }

    /** A minor /proc/drbd lists that runs no resource. */
    public boolean unconfigured() {
        return connection == DrbdConnection.UNCONFIGURED;
    }

    /** Connected to its peer, possibly resyncing: whatever split-brain there was is over. */
    public boolean talksToPeer() {
        return sync != null || connection.linked();
    }

    /** Resync progress lines: sync'ed %, finish estimate and speed. */
    public record DrbdSync(double percent, Long finishSeconds, Long speedKiBs) {
    }
}
