package io.hadeck.actions.runbook;

/** Live progress of a run, for a screen (the CLI prints, the TUI dialog redraws). */
public interface RunListener {

    default void planned(Plan plan) {
    }

    default void stepStarted(int number, int of, Step step) {
    }

    default void stepFinished(StepResult result) {
    }

    default void finished(RunReport report) {
    }

    /** The plan read again after confirmation differs from the one confirmed: it is shown and asked again. */
    default void changed(String what) {
    }

    RunListener NONE = new RunListener() {
    };
}
