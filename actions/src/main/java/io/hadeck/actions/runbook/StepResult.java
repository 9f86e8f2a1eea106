package io.hadeck.actions.runbook;

import java.time.Duration;

/**
 * How one step went.
 *
 * @param answer what the call answered, or why it failed
 */
public record StepResult(int number, int of, String title, String call, String answer, Verdict verdict,
                         Duration took) {

    public boolean ok() {
        return verdict.ok();
    }
}
