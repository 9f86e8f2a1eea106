package io.hadeck.model;

/**
 * What DRBD does by itself when it finds a split-brain on reconnecting, per its {@code net} options
 * {@code after-sb-0pri} (neither side Primary then), {@code after-sb-1pri} (one) and
 * {@code after-sb-2pri} (both). The sentences follow drbd.conf(5).
 */
public enum AfterSplitBrain {
    DISCONNECT("disconnect", "drops the connection and resolves nothing: recovery is manual"),
    DISCARD_YOUNGER_PRIMARY("discard-younger-primary", "syncs from the node that was Primary before the split"),
    DISCARD_OLDER_PRIMARY("discard-older-primary", "syncs from the node that became Primary second during the split"),
    DISCARD_ZERO_CHANGES("discard-zero-changes", "syncs from the side that wrote when the other wrote nothing "
            + "since the split; when both wrote, it drops the connection and recovery is manual"),
    DISCARD_LEAST_CHANGES("discard-least-changes", "syncs from the side that changed more blocks, discarding the other's changes"),
    DISCARD_NODE("discard-node-", "always discards the named node's changes"),
    CONSENSUS("consensus", "discards the Secondary's changes when the after-sb-0pri policy would too; otherwise "
            + "drops the connection and recovery is manual"),
    DISCARD_SECONDARY("discard-secondary", "discards the Secondary's changes"),
    VIOLENTLY_AS0P("violently-as0p", "follows the after-sb-0pri policy even if that changes the data under a Primary"),
    CALL_PRI_LOST_AFTER_SB("call-pri-lost-after-sb", "follows the after-sb-0pri policy and calls the "
            + "pri-lost-after-sb handler (usually a reboot) on the Primary whose data is discarded"),
    /** A word this hadeck does not know. */
    UNKNOWN("?", "does what this DRBD version defines for it (not known to hadeck): treat recovery as manual");

    private final String word;
    private final String does;

    AfterSplitBrain(String word, String does) {
        this.word = word;
        this.does = does;
    }

    public static AfterSplitBrain of(String word) {
        if (word == null) {
            return DISCONNECT;
        }
        if (word.startsWith(DISCARD_NODE.word) && word.length() > DISCARD_NODE.word.length()) {
            return DISCARD_NODE;   // discard-node-NODENAME
        }
        return DrbdWords.of(AfterSplitBrain.class, AfterSplitBrain::word, word, UNKNOWN);
    }

    public String word() {
        return word;
    }

    /** What DRBD does under it, as a sentence part: "drops the connection and …". */
    public String does() {
        return does;
    }
}
