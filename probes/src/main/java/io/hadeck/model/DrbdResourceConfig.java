package io.hadeck.model;

import java.util.List;

/**
 * One DRBD resource as {@code drbdadm dump} gives its configuration: what hadeck needs of it, the
 * minors (to match /proc/drbd 8.4, which names none) and the split-brain policies.
 *
 * @param minors the device minors of its volumes ({@code device … minor N;}), in order, without repeats
 */
public record DrbdResourceConfig(String name, List<Integer> minors, SplitBrainPolicy afterSb0pri,
                                 SplitBrainPolicy afterSb1pri, SplitBrainPolicy afterSb2pri) {
    public DrbdResourceConfig {
        minors = List.copyOf(minors);
    }

    public boolean concerns(DrbdResource r) {
        return r.name() != null ? r.name().equals(name) : minors.contains(r.minor());
    }

    /** The policy DRBD applies when it meets a split-brain with this many Primaries (0, 1, 2). */
    public SplitBrainPolicy forPrimaries(int primaries) {
        return switch (Math.max(0, Math.min(2, primaries))) {
            case 0 -> afterSb0pri;
            case 1 -> afterSb1pri;
            default -> afterSb2pri;
        };
    }

    /** "after-sb-0pri discard-zero-changes, after-sb-1pri discard-secondary, after-sb-2pri disconnect (default)". */
    public String policies() {
        return afterSb0pri + ", " + afterSb1pri + ", " + afterSb2pri;
    }

    /**
     * What DRBD will or will not do by itself about a split-brain of this resource with that many
     * Primaries, as one sentence: which policy applies and what it does; when it is not
     * {@code disconnect}, also what {@code after-sb-0pri} does once both sides are Secondary.
     */
    public String advice(int primaries) {
        SplitBrainPolicy p = forPrimaries(primaries);
        String who = switch (Math.max(0, Math.min(2, primaries))) {
            case 0 -> "neither side Primary";
            case 1 -> "one side Primary";
            default -> "both sides Primary";
        };
        StringBuilder s = new StringBuilder(name + ": " + p + " applies (" + who + "): DRBD " + p.kind().does());
        if (primaries > 0 && afterSb0pri.kind() != AfterSplitBrain.DISCONNECT) {
            s.append("; with both sides Secondary, ").append(afterSb0pri).append(": DRBD ").append(afterSb0pri.kind().does());
        }
        return s.append('.').toString();
    }
}
