package io.hadeck.console.commands.action;

import io.hadeck.actions.runbook.Confirmer;

import java.util.List;
import java.util.Optional;

/**
 * The runbook's {@link Confirmer} over the console's {@link io.hadeck.console.session.OperatorPrompt}: the question
 * goes to whoever the front end has (terminal, REPL line, the console's dialog). Whether a person is
 * there is the front end's word; what flags may stand in for one is the runner's rules.
 */
public final class OperatorConfirmer implements Confirmer {
    private final io.hadeck.console.session.OperatorPrompt console;

    public OperatorConfirmer(io.hadeck.console.session.OperatorPrompt console) {
        this.console = console;
    }

    @Override
    public boolean confirm(String question, String expected) {
        return console.interactive() && console.confirm(question, expected);
    }

    @Override
    public boolean present() {
        return console.interactive();
    }

    @Override
    public Optional<String> ask(String question) {
        return console.interactive() ? console.answer(question) : Optional.empty();
    }

    @Override
    public Optional<String> choose(String question, List<String> options) {
        if (!console.interactive()) {
            return Optional.empty();
        }
        return console.answer(question + "\nType one of: " + String.join(", ", options) + " (anything else cancels)")
                .filter(options::contains);
    }
}
