package io.hadeck.actions.drbd;

import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Observation;

import java.util.Set;

/**
 * One node of a DRBD pair as the scenario classifier needs it. {@code up} is false when DRBD is not
 * running there (cs:Unconfigured) or the node could not be read; {@code reachable} tells the two
 * apart (a reachable node can be brought back with {@code drbdadm up}).
 *
 * @param oosKiB out-of-sync KiB this node knows of, -1 when unknown
 */
public record DrbdSide(String node, boolean reachable, boolean up, String role, String peerRole, String cstate,
                       String disk, String peerDisk, long oosKiB, String problem) {

    private static final Set<String> CONNECTED = Set.of("Connected", "SyncSource", "SyncTarget", "VerifyS", "VerifyT",
            "PausedSyncS", "PausedSyncT", "WFBitMapS", "WFBitMapT", "WFSyncUUID", "StartingSyncS", "StartingSyncT");

    public static DrbdSide unreachable(String node, String why) {
        return new DrbdSide(node, false, false, null, null, null, null, null, -1, why);
    }

    public static DrbdSide notRunning(String node, String why) {
        return new DrbdSide(node, true, false, null, null, "Unconfigured", null, null, -1, why);
    }

    /** From a snapshot's reading of the node (the first resource, or the named one). */
    public static DrbdSide from(String node, Observation<DrbdStatus> o, String resource) {
        if (o == null) {
            return unreachable(node, node + " has no DRBD reading");
        }
        if (!o.isOk()) {
            return unreachable(node, o.error());
        }
        DrbdResource r = o.value().resources().stream()
                .filter(x -> resource == null || resource.equals(x.name()) || x.name() == null).findFirst().orElse(null);
        if (r == null || "Unconfigured".equals(r.connection())) {
            return notRunning(node, "DRBD is not running on " + node + " (cs:Unconfigured)");
        }
        return new DrbdSide(node, true, true, r.role(), r.peerRole(), r.connection(), r.disk(), r.peerDisk(),
                r.outOfSyncKiB(), null);
    }

    public boolean connected() {
        return up && CONNECTED.contains(cstate);
    }

    public boolean resyncing() {
        return up && cstate != null && (cstate.startsWith("Sync") || cstate.startsWith("PausedSync"));
    }

    public boolean standAlone() {
        return up && "StandAlone".equals(cstate);
    }

    public boolean primary() {
        return up && "Primary".equals(role);
    }

    public boolean upToDate() {
        return up && "UpToDate".equals(disk);
    }

    /** "drbd-a: Primary, WFConnection, UpToDate/DUnknown, 128 KiB out of sync" or why it is absent. */
    public String describe() {
        if (!up) {
            return node + ": " + problem;
        }
        return node + ": " + role + ", " + cstate + ", " + disk + "/" + peerDisk
                + (oosKiB >= 0 ? ", " + io.hadeck.actions.Sizes.kib(oosKiB) + " out of sync" : "");
    }
}
