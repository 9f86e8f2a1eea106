package io.hadeck.actions.runbook;

/**
 * How a runbook is run and what the command line said in advance.
 *
 * @param dryRun         show plan and preflight, then stop
 * @param readOnly       the console runs --read-only or the cluster is configured readOnly: refuse
 * @param frontEnd       who asked (decides which confirmations flags may give)
 * @param yes            --yes on this command: the target's name is confirmed in advance
 * @param acceptDataLoss --accept-data-loss on this command (counts only together with --yes)
 * @param reason         --reason TEXT: why the operator acts, for the audit log; null when not given
 */
public record RunOptions(boolean dryRun, boolean readOnly, FrontEnd frontEnd, boolean yes, boolean acceptDataLoss,
                         String reason) {

    public RunOptions(boolean dryRun, boolean readOnly, FrontEnd frontEnd, boolean yes, boolean acceptDataLoss) {
        this(dryRun, readOnly, frontEnd, yes, acceptDataLoss, null);
    }

    public RunOptions {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static RunOptions console(boolean readOnly) {
        return new RunOptions(false, readOnly, FrontEnd.CONSOLE, false, false);
    }
}
