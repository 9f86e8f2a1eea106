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

    Plan plan();

    /** One or two sentences on the cluster as it is now, read fresh. Never throws. */
    String stateNow();
}
