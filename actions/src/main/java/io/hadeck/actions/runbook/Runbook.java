package io.hadeck.actions.runbook;

/**
 * A guided action: reads the cluster fresh, builds a {@link Plan} (preflight checks with current
 * values, steps with exact calls and verifications), and can describe the cluster's state in one
 * sentence for the account of where a run stopped.
 */
public interface Runbook {

    /** "promote", "demote", "force-leader", "set-cluster-failover", "drbd recover", … */
    String action();

    /** The node (or "cluster") acted on, as typed by the operator. */
    String target();

    /** Reads what the plan depends on, fresh, and plans. Called again before the first step. */
    Plan plan();

    /** One or two sentences on the cluster as it is now, read fresh. Never throws. */
    String stateNow();

    /** This runbook with the operator's answer to its plan's {@link Plan.Question}. */
    default Runbook answer(String questionId, String value) {
        throw new IllegalArgumentException(action() + " asks no question " + questionId);
    }
}
