package io.hadeck.actions.runbook;

/**
 * How a runbook is run.
 *
 * @param dryRun   show plan and preflight, then stop
 * @param yes      confirmations are given in advance (--yes)
 * @param readOnly the console runs --read-only or the cluster is configured readOnly: refuse
 */
public record RunOptions(boolean dryRun, boolean yes, boolean readOnly) {
    public static final RunOptions INTERACTIVE = new RunOptions(false, false, false);
}
