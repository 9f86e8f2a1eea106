package io.hadeck.actions.runbook;

import java.util.List;

/**
 * What a runbook will do, shown before it does anything: preflight checks with their current
 * results, the steps with their exact calls, and the expected end state.
 *
 * @param confirmWord what the operator must type to go ahead: the target's name
 * @param dataLoss    null when nothing can be lost; else the warning, and the data-loss acceptance is needed
 * @param question    a choice only the operator can make before there is a plan (which side of a
 *                    split-brain to keep, which resource), null when none is pending
 */
public record Plan(String cluster, String action, String target, List<Check> preflight, List<Step> steps,
                   String expectedEnd, String confirmWord, String dataLoss, Question question) {

    /** What the operator types the second time, for an action that can lose data. */
    public static final String DATA_LOSS_WORD = "LOSE DATA";

    public Plan {
        preflight = List.copyOf(preflight);
        steps = List.copyOf(steps);
    }

    public Plan(String cluster, String action, String target, List<Check> preflight, List<Step> steps,
                String expectedEnd, String confirmWord, String dataLoss) {
        this(cluster, action, target, preflight, steps, expectedEnd, confirmWord, dataLoss, null);
    }

    public boolean refused() {
        return preflight.stream().anyMatch(c -> !c.pass());
    }

    public List<Check> failedChecks() {
        return preflight.stream().filter(c -> !c.pass()).toList();
    }

    public boolean canLoseData() {
        return dataLoss != null;
    }

    /**
     * A choice the operator must make. {@code id} is what the runbook is told back with the answer,
     * {@code options} the only accepted answers, {@code flag} the command-line option that gives it.
     */
    public record Question(String id, String prompt, List<String> options, String flag) {
        public Question {
            options = List.copyOf(options);
        }
    }
}
