package io.hadeck.diagnosis;

/**
 * The situations of the Chef server DRBD HA document ("Failure Scenarios" 1–5), split-brain, and
 * the two that document does not name but an operator meets: a pair cut apart where only one side
 * wrote ({@link #DISCONNECTED}), and a pair whose state cannot be told ({@link #UNKNOWN}).
 * BE1 is the node that was Primary, BE2 the Secondary.
 */
public enum DrbdScenario {
    HEALTHY("healthy"),
    SECONDARY_LOST("scenario 1: the secondary is gone, the primary keeps serving"),
    RESYNCING("scenario 2: the secondary came back and resyncs from the primary"),
    PRIMARY_LOST("scenario 3: the primary is gone, the secondary is UpToDate"),
    PRIMARY_LOST_INCONSISTENT("scenario 4: the primary is gone, the secondary is not UpToDate"),
    BOTH_SECONDARY("scenario 5: both nodes are Secondary"),
    DISCONNECTED("disconnected: only one side holds writes of its own"),
    SPLIT_BRAIN("split-brain"),
    UNKNOWN("unknown");

    private final String title;

    DrbdScenario(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** A state that needs an operator's recovery (everything but healthy and a running resync). */
    public boolean needsRecovery() {
        return this != HEALTHY && this != RESYNCING;
    }
}
