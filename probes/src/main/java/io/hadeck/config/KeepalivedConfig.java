package io.hadeck.config;

import java.util.List;

/**
 * What a node of a legacy keepalived pair should hold when it owns the pair: the VIP keepalived
 * moves, where the DRBD device is mounted, and the services the cluster script starts.
 *
 * @param vip      the virtual IP address (no prefix length)
 * @param mount    the DRBD device's mount point
 * @param services the services' unit names, in the order the cluster script starts them
 */
public record KeepalivedConfig(String vip, String mount, List<String> services) {
    public KeepalivedConfig {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
