package io.hadeck.diagnosis;

import io.hadeck.model.DrbdRole;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PairNodeState;
import io.hadeck.model.VrrpState;

import java.util.List;

/**
 * One node of a legacy pair as the ownership diagnosis reads it: its pair layer (VRRP, VIP, mount,
 * services, keepalived) and its DRBD roles, or why it could not be read.
 *
 * @param state     the pair reading, null when there is none or it failed ({@code problem} says why)
 * @param drbdRoles the role of each DRBD resource, in the reading's order; empty when DRBD was not read
 */
public record PairSide(String node, PairNodeState state, List<DrbdRole> drbdRoles, String problem) {
    public PairSide {
        drbdRoles = List.copyOf(drbdRoles);
    }

    static PairSide of(String node, NodeView v) {
        if (v == null) {
            return new PairSide(node, null, List.of(), node + " is not in the snapshot");
        }
        Observation<PairNodeState> p = v.pair();
        Observation<DrbdStatus> d = v.drbd();
        List<DrbdRole> roles = d != null && d.isOk() ? d.value().resources().stream()
                .filter(r -> !r.unconfigured()).map(DrbdResource::role).toList() : List.of();
        if (p == null) {
            return new PairSide(node, null, roles, node + " has no keepalived reading yet");
        }
        return p.isOk() ? new PairSide(node, p.value(), roles, null)
                : new PairSide(node, null, roles, node + " cannot be read: " + p.error());
    }

    public boolean read() {
        return state != null;
    }

    public boolean holdsVip() {
        return read() && state.holdsVip();
    }

    /** DRBD Primary for every resource it runs. */
    public boolean primary() {
        return !drbdRoles.isEmpty() && drbdRoles.stream().allMatch(r -> r == DrbdRole.PRIMARY);
    }

    public boolean anyPrimary() {
        return drbdRoles.stream().anyMatch(r -> r == DrbdRole.PRIMARY);
    }

    public boolean mounted() {
        return read() && state.mounted();
    }

    public List<String> activeServices() {
        return read() ? state.activeServices() : List.of();
    }

    public VrrpState vrrp() {
        return read() ? state.vrrp() : VrrpState.UNKNOWN;
    }

    public KeepalivedProcess.State keepalived() {
        return read() ? state.keepalived().state() : null;
    }

    /** "drbd-a: VRRP MASTER, VIP, Primary, mounted, 3/3 services" or why it could not be read. */
    public String describe() {
        if (!read()) {
            return problem;
        }
        String ka = switch (state.keepalived().state()) {
            case RUNNING -> "";
            case FROZEN -> " (keepalived frozen)";
            case NOT_RUNNING -> " (keepalived not running)";
        };
        return node + ": VRRP " + vrrp() + ka + ", " + (holdsVip() ? "VIP" : "no VIP") + ", "
                + (drbdRoles.isEmpty() ? "DRBD unknown" : drbdRoles.stream().map(DrbdRole::word).collect(java.util.stream.Collectors.joining("/"))) + ", "
                + (mounted() ? "mounted" : "not mounted") + ", " + activeServices().size() + "/"
                + state.services().size() + " services";
    }
}
