package io.hadeck.actions.runbook;

/**
 * Asks the operator to type a word. The console implements it (its Confirmer: a terminal prompt,
 * the TUI dialog's field, or a refusal in batch mode without --yes).
 */
@FunctionalInterface
public interface Confirmer {

    /** True only when the operator typed exactly {@code expected}. */
    boolean confirm(String question, String expected);

    /** For --yes: everything is confirmed (and the audit log says so). */
    Confirmer YES = (q, e) -> true;
}
