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
 * @param state the pair reading, null when there is none or it failed ({@code problem} says why)
 * @param drbd  the role of each DRBD resource, in the reading's order; empty when DRBD was not read
 */
public record PairSide(String node, PairNodeState state, List<Resource> drbd, String problem) {
    public PairSide {
        drbd = List.copyOf(drbd);
    }

    /**
     * One DRBD resource's role on this node.
     *
     * @param name the resource's name (for /proc/drbd 8.4, which names none, from drbdadm dump, else "minor N")
     */
    public record Resource(String name, DrbdRole role) {
        static Resource of(DrbdStatus st, DrbdResource r) {
            return new Resource(st.label(r), r.role());
        }
    }

    static PairSide of(String node, NodeView v) {
        if (v == null) {
            return new PairSide(node, null, List.of(), node + " is not in the snapshot");
        }
        Observation<PairNodeState> p = v.pair();
        Observation<DrbdStatus> d = v.drbd();
        List<Resource> roles = d != null && d.isOk() ? d.value().resources().stream()
                .filter(r -> !r.unconfigured()).map(r -> Resource.of(d.value(), r)).toList() : List.of();
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

    /** The role of each resource, in the reading's order. */
    public List<DrbdRole> drbdRoles() {
        return drbd.stream().map(Resource::role).toList();
    }

    /** DRBD Primary for every resource it runs. */
    public boolean primary() {
        return !drbd.isEmpty() && drbd.stream().allMatch(r -> r.role() == DrbdRole.PRIMARY);
    }

    public boolean anyPrimary() {
        return drbd.stream().anyMatch(r -> r.role() == DrbdRole.PRIMARY);
    }

    /** The resources it is Primary on, or (false) not Primary on. */
    public List<String> resources(boolean primary) {
        return drbd.stream().filter(r -> (r.role() == DrbdRole.PRIMARY) == primary).map(Resource::name).toList();
    }

    /** "Primary", or with several resources "pc0 Primary, pc1 Secondary"; "DRBD unknown" when not read. */
    public String roles() {
        if (drbd.isEmpty()) {
            return "DRBD unknown";
        }
        return drbd.size() == 1 ? drbd.get(0).role().word() : drbd.stream().map(r -> r.name() + " " + r.role().word())
                .collect(java.util.stream.Collectors.joining(", "));
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
                + roles() + ", "
                + (mounted() ? "mounted" : "not mounted") + ", " + activeServices().size() + "/"
                + state.services().size() + " services";
    }
}
