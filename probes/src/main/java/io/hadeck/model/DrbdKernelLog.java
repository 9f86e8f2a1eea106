package io.hadeck.model;

import java.util.List;
import java.util.Optional;

/**
 * What one node's kernel log (dmesg) said about DRBD: the split-brains it reported that no later
 * line shows resolved. Not read when every resource talks to its peer (it could add nothing) or
 * for pasted text; unavailable, with the reason, when the node refused it (dmesg as non-root).
 *
 * @param read  the log was read and searched
 * @param error why it could not be read, null otherwise
 */
public record DrbdKernelLog(boolean read, String error, List<SplitBrain> splitBrains) {
    public DrbdKernelLog {
        splitBrains = List.copyOf(splitBrains);
    }

    public static DrbdKernelLog notRead() {
        return new DrbdKernelLog(false, null, List.of());
    }

    public static DrbdKernelLog unavailable(String why) {
        return new DrbdKernelLog(false, why, List.of());
    }

    public static DrbdKernelLog of(List<SplitBrain> splitBrains) {
        return new DrbdKernelLog(true, null, splitBrains);
    }

    /** The split-brain the kernel reported for this resource, if any. */
    public Optional<SplitBrain> splitBrain(DrbdResource r) {
        return splitBrains.stream().filter(s -> s.concerns(r)).reduce((a, b) -> b);
    }

    /**
     * One "Split-Brain detected … dropping connection!" line.
     *
     * @param resource the resource name (DRBD 9, 8.4 connection lines), null when the line names only a minor
     * @param minor    the minor (drbdN), null when the line names only the resource
     * @param peer     the peer's name (DRBD 9), null otherwise
     * @param message  the kernel's words after the DRBD prefix
     * @param line     the whole line as the log gave it
     */
    public record SplitBrain(String resource, Integer minor, String peer, String message, String line) {

        /** By name when both know it (DRBD 9 status numbers volumes, not minors), else by minor (/proc/drbd 8.4). */
        public boolean concerns(DrbdResource r) {
            if (resource != null && r.name() != null) {
                return resource.equals(r.name());
            }
            return minor != null && minor == r.minor();
        }
    }
}
