package io.hadeck.actions.runbook;

import java.util.List;
import java.util.Optional;

/**
 * A person who can be asked: the console's dialog, the REPL's prompt, the controlling terminal of a
 * one-shot command (each front end implements it; there is no second prompt interface). Front ends without a person (batch files, pipes, cron) use {@link #NOBODY}; what
 * flags may stand in for an answer is decided by {@link ConfirmationRules}, not here.
 */
public interface Confirmer {

    /** True only when the operator typed exactly {@code expected}. */
    boolean confirm(String question, String expected);

    /** Whether a person at a terminal can answer now. Piped input is not a person. */
    default boolean present() {
        return true;
    }

    /** Asks the operator for free text (an optional reason); empty when skipped or nobody is there. */
    default Optional<String> ask(String question) {
        return Optional.empty();
    }

    /** Asks the operator to pick one of {@code options}; empty when cancelled, not one of them, or nobody is there. */
    default Optional<String> choose(String question, List<String> options) {
        if (!present()) {
            return Optional.empty();
        }
        return ask(question + "\nType one of: " + String.join(", ", options) + " (anything else cancels)")
                .filter(options::contains);
    }

    Confirmer NOBODY = new Confirmer() {
        @Override
        public boolean confirm(String question, String expected) {
            return false;
        }

        @Override
        public boolean present() {
            return false;
        }
    };
}
