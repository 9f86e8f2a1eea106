package io.hadeck.model;

/**
 * One of a resource's after-split-brain options as configured.
 *
 * @param option    {@code after-sb-0pri}, {@code after-sb-1pri} or {@code after-sb-2pri}
 * @param word      the value as the configuration says it ({@code discard-node-drbd-b} keeps the node)
 * @param defaulted not in the configuration: DRBD's default ({@code disconnect}) applies
 */
public record SplitBrainPolicy(String option, String word, boolean defaulted) {

    public static SplitBrainPolicy defaultFor(String option) {
        return new SplitBrainPolicy(option, AfterSplitBrain.DISCONNECT.word(), true);
    }

    public AfterSplitBrain kind() {
        return AfterSplitBrain.of(word);
    }

    /** "after-sb-0pri discard-zero-changes", "after-sb-2pri disconnect (default)". */
    @Override
    public String toString() {
        return option + " " + word + (defaulted ? " (default)" : "");
    }
}
