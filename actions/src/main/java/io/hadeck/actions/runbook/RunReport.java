package io.hadeck.actions.runbook;

import java.util.List;

/**
 * The account of a run: the plan, what happened to each step, and one summary sentence that says
 * where it ended (and for a stop: at which step, why, and the cluster's state then).
 */
public record RunReport(Outcome outcome, Plan plan, List<StepResult> steps, String summary) {

    public enum Outcome {
        DRY_RUN(0), REFUSED(4), NOT_CONFIRMED(4), DONE(0), FAILED(5);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The console's exit code: 0 ok, 4 refused or not confirmed, 5 action failed. */
        public int exitCode() {
            return exitCode;
        }
    }

    public RunReport {
        steps = List.copyOf(steps);
    }

    public int exitCode() {
        return outcome.exitCode();
    }
}
