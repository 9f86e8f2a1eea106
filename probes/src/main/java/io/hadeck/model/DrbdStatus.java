package io.hadeck.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything one node's DRBD text said, parsed, with the raw text kept for the detail view, what
 * the node's kernel log added, and its configuration ({@code drbdadm dump}: the split-brain policies).
 */
public record DrbdStatus(String version, List<DrbdResource> resources, String rawText, DrbdKernelLog kernelLog,
                         DrbdConfig config) {
    public DrbdStatus {
        resources = List.copyOf(resources);
        kernelLog = kernelLog == null ? DrbdKernelLog.notRead() : kernelLog;
        config = config == null ? DrbdConfig.notRead() : config;
    }

    /** The DRBD text alone: /proc/drbd and drbdadm status say nothing of the kernel log or the configuration. */
    public DrbdStatus(String version, List<DrbdResource> resources, String rawText) {
        this(version, resources, rawText, DrbdKernelLog.notRead(), DrbdConfig.notRead());
    }

    public DrbdStatus withKernelLog(DrbdKernelLog log) {
        return new DrbdStatus(version, resources, rawText, log, config);
    }

    public DrbdStatus withConfig(DrbdConfig c) {
        return new DrbdStatus(version, resources, rawText, kernelLog, c);
    }

    /**
     * A split-brain the kernel reported for this resource and that still stands: a resource that
     * talks to its peer again is past it, whatever the log still holds.
     */
    public Optional<DrbdKernelLog.SplitBrain> splitBrainReported(DrbdResource r) {
        return r.talksToPeer() ? Optional.empty() : kernelLog.splitBrain(r);
    }

    /**
     * The name an operator gives drbdadm: the reading's own, else the configuration's for that
     * minor (/proc/drbd of 8.4 names none), else "minor N".
     */
    public String label(DrbdResource r) {
        return name(r).orElse(r.label());
    }

    /** The resource's name from the reading or the configuration; empty when neither names it. */
    public Optional<String> name(DrbdResource r) {
        return r.name() != null ? Optional.of(r.name()) : config.of(r).map(DrbdResourceConfig::name);
    }

    /** The configured split-brain policies of this resource, when the configuration was read and names it. */
    public Optional<DrbdResourceConfig> configOf(DrbdResource r) {
        return config.of(r);
    }
}
