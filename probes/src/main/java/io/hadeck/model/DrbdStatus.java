package io.hadeck.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything one node's DRBD text said, parsed, with the raw text kept for the detail view, and
 * what the node's kernel log added.
 */
public record DrbdStatus(String version, List<DrbdResource> resources, String rawText, DrbdKernelLog kernelLog) {
    public DrbdStatus {
        resources = List.copyOf(resources);
        kernelLog = kernelLog == null ? DrbdKernelLog.notRead() : kernelLog;
    }

    /** The DRBD text alone: /proc/drbd and drbdadm status say nothing of the kernel log. */
    public DrbdStatus(String version, List<DrbdResource> resources, String rawText) {
        this(version, resources, rawText, DrbdKernelLog.notRead());
    }

    public DrbdStatus withKernelLog(DrbdKernelLog log) {
        return new DrbdStatus(version, resources, rawText, log);
    }

    /**
     * A split-brain the kernel reported for this resource and that still stands: a resource that
     * talks to its peer again is past it, whatever the log still holds.
     */
    public Optional<DrbdKernelLog.SplitBrain> splitBrainReported(DrbdResource r) {
        return r.talksToPeer() ? Optional.empty() : kernelLog.splitBrain(r);
    }
}
