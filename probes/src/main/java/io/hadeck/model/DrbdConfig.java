package io.hadeck.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node's DRBD configuration as {@code drbdadm dump} printed it, read now and then (configuration
 * changes rarely), with when it was read; or why it could not be; or not read yet.
 *
 * @param readAt when the dump was read, null when it was not
 * @param error  why it could not be read, null otherwise
 */
public record DrbdConfig(List<DrbdResourceConfig> resources, Instant readAt, String error) {
    public DrbdConfig {
        resources = List.copyOf(resources);
    }

    public static DrbdConfig notRead() {
        return new DrbdConfig(List.of(), null, null);
    }

    public static DrbdConfig unavailable(String why, Instant at) {
        return new DrbdConfig(List.of(), at, why);
    }

    public static DrbdConfig of(List<DrbdResourceConfig> resources, Instant at) {
        return new DrbdConfig(resources, at, null);
    }

    public boolean read() {
        return readAt != null && error == null;
    }

    /** The configuration of the resource a status line shows (by name, or by minor for /proc/drbd 8.4). */
    public Optional<DrbdResourceConfig> of(DrbdResource r) {
        return resources.stream().filter(c -> c.concerns(r)).findFirst();
    }

    public Optional<DrbdResourceConfig> named(String name) {
        return resources.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
