package io.hadeck.diagnosis;

import io.hadeck.model.DrbdConnection;
import io.hadeck.model.DrbdDisk;
import io.hadeck.model.DrbdRole;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Observation;
import io.hadeck.units.Sizes;

/**
 * One node of a DRBD pair, for one resource, as the pair diagnosis needs it.
 *
 * <p>{@link Reach#UNKNOWN} is a node hadeck could not read (ssh timed out, hung, refused the
 * login): it says nothing about the node, which may be running and writing. Only a node that
 * answered and said DRBD is not running there ({@link Reach#DOWN}) is known to be out of the pair.
 *
 * @param resource    the resource reading, null unless {@code reach} is UP
 * @param kernelSplit the split-brain the node's kernel reported for this resource and that still stands, or null
 * @param problem     why the node is not UP, null when it is
 */
public record DrbdSide(String node, Reach reach, DrbdResource resource, DrbdKernelLog.SplitBrain kernelSplit,
                       String problem) {

    public enum Reach { UP, DOWN, UNKNOWN }

    static DrbdSide unknown(String node, String why) {
        return new DrbdSide(node, Reach.UNKNOWN, null, null, why);
    }

    static DrbdSide down(String node) {
        return new DrbdSide(node, Reach.DOWN, null, null, "DRBD is not running on " + node + " (cs:Unconfigured)");
    }

    /** From a node's DRBD observation; {@code index} picks the resource when the reading names none (8.4 minors). */
    static DrbdSide of(String node, Observation<DrbdStatus> o, String resource, int index) {
        if (o == null) {
            return unknown(node, node + " has no DRBD reading yet");
        }
        if (!o.isOk()) {
            return unknown(node, node + " cannot be read: " + o.error());
        }
        DrbdStatus st = o.value();
        DrbdResource r = st.resources().stream().filter(x -> resource != null && resource.equals(x.name())).findFirst()
                .orElseGet(() -> st.resources().stream().filter(x -> x.name() == null).skip(index).findFirst().orElse(null));
        if (r == null || r.unconfigured()) {
            return down(node);
        }
        return new DrbdSide(node, Reach.UP, r, st.splitBrainReported(r).orElse(null), null);
    }

    public boolean up() {
        return reach == Reach.UP;
    }

    public DrbdRole role() {
        return up() ? resource.role() : null;
    }

    public DrbdConnection cstate() {
        return up() ? resource.connection() : null;
    }

    public DrbdDisk disk() {
        return up() ? resource.disk() : null;
    }

    /** Out-of-sync KiB this node knows of, -1 when unknown (DRBD 9 or not up). */
    public long oosKiB() {
        return up() ? resource.outOfSyncKiB() : -1;
    }

    public boolean primary() {
        return up() && resource.isPrimary();
    }

    public boolean upToDate() {
        return up() && resource.disk() == DrbdDisk.UP_TO_DATE;
    }

    public boolean standAlone() {
        return up() && resource.connection() == DrbdConnection.STAND_ALONE;
    }

    /** Linked to its peer (Connected, resyncing, verifying). */
    public boolean talksToPeer() {
        return up() && resource.talksToPeer();
    }

    public boolean resyncing() {
        return up() && (resource.sync() != null || resource.connection().resyncing());
    }

    /** What this side says of its peer: Connected, or the peer's role is known to be Primary. */
    public boolean seesPeer() {
        return talksToPeer() || up() && resource.peerRole() == DrbdRole.PRIMARY;
    }

    /**
     * This side may hold writes its peer lacks: it is Primary, knows out-of-sync blocks, cannot say
     * (DRBD 9 gives no count), or its kernel reported a split-brain.
     */
    public boolean mayHoldOwnWrites() {
        return up() && (primary() || oosKiB() != 0 || kernelSplit != null);
    }

    /** "128 KiB" or "unknown". */
    public String amount() {
        return oosKiB() < 0 ? "unknown" : Sizes.kib(oosKiB());
    }

    /** "drbd-a: Primary, StandAlone, UpToDate/DUnknown, 128 KiB out of sync" or why it is not up. */
    public String describe() {
        if (!up()) {
            return problem;
        }
        return node + ": " + resource.role() + ", " + resource.connection() + ", " + resource.disk() + "/"
                + resource.peerDisk() + (oosKiB() >= 0 ? ", " + Sizes.kib(oosKiB()) + " out of sync" : "");
    }
}
