package io.hadeck.model;

import java.util.List;
import java.util.Map;

/**
 * The ownership layer of one node of a legacy keepalived pair: what an operator reads by hand
 * besides DRBD — keepalived's notify record and processes, the node's addresses, the DRBD
 * device's mount and the services — with what the configuration says this node should hold when
 * it owns the pair.
 *
 * @param peer      the other node of the pair (from the configuration)
 * @param vip       the configured VIP
 * @param mount     the configured mount point of the DRBD device, null when none is configured
 * @param notifyRecord the notify record, null when the node has none (keepalived never ran there since boot)
 * @param addresses the node's IPv4/IPv6 addresses ({@code ip -j addr}), without prefix length
 * @param mountedOn where the DRBD device is mounted, null when it is not
 * @param services  each configured service and whether it is active, in configured order
 */
public record PairNodeState(String peer, String vip, String mount, NotifyRecord notifyRecord, KeepalivedProcess keepalived,
                            List<String> addresses, String mountedOn, Map<String, Boolean> services) {
    public PairNodeState {
        addresses = List.copyOf(addresses);
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public boolean holdsVip() {
        return vip != null && addresses.contains(vip);
    }

    public boolean mounted() {
        return mountedOn != null;
    }

    /** The VRRP state the notify record last gave, UNKNOWN without one. */
    public VrrpState vrrp() {
        return notifyRecord == null ? VrrpState.UNKNOWN : notifyRecord.state();
    }

    public List<String> activeServices() {
        return services.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    public boolean allServicesUp() {
        return !services.isEmpty() && services.values().stream().allMatch(Boolean::booleanValue);
    }
}
