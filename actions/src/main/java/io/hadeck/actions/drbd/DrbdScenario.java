package io.hadeck.actions.drbd;

/**
 * The situations of the Chef server DRBD HA document ("Failure Scenarios" 1–5) plus split-brain.
 * BE1 is the node that was Primary, BE2 the Secondary.
 */
public enum DrbdScenario {
    HEALTHY("healthy"),
    SECONDARY_LOST("scenario 1: the secondary is gone, the primary keeps serving"),
    RESYNCING("scenario 2: the secondary came back and resyncs from the primary"),
    PRIMARY_LOST("scenario 3: the primary is gone, the secondary is UpToDate"),
    PRIMARY_LOST_INCONSISTENT("scenario 4: the primary is gone, the secondary is not UpToDate"),
    BOTH_SECONDARY("scenario 5: both nodes are Secondary"),
    SPLIT_BRAIN("split-brain"),
    UNKNOWN("unknown");

    private final String title;

    DrbdScenario(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
