package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Confirmer;

/**
 * The runbook's {@link Confirmer} over the console's {@link io.hadeck.console.Confirmer}: the
 * question goes to whoever the front end has (terminal, REPL line, TUI dialog); with no operator
 * (batch, pipe, cron) the answer is no, and {@link #nobodyToAsk()} says so for the refusal line.
 */
public final class OperatorConfirmer implements Confirmer {
    private final io.hadeck.console.Confirmer console;
    private boolean nobodyAsked;

    public OperatorConfirmer(io.hadeck.console.Confirmer console) {
        this.console = console;
    }

    @Override
    public boolean confirm(String question, String expected) {
        if (!console.interactive()) {
            nobodyAsked = true;
            return false;
        }
        return console.confirm(question, expected);
    }

    /** True when a confirmation was needed and there was no operator to give it. */
    public boolean nobodyToAsk() {
        return nobodyAsked;
    }
}
