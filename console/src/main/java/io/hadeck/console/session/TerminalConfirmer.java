package io.hadeck.console.session;

import io.hadeck.actions.runbook.Confirmer;

import java.io.Console;
import java.util.Optional;

/** A one-shot command's operator: the controlling terminal, asked through {@link System#console()}. */
public final class TerminalConfirmer implements Confirmer {
    private final Console console;

    private TerminalConfirmer(Console console) {
        this.console = console;
    }

    /** The controlling terminal, or {@link Confirmer#NOBODY} when no person's terminal is attached. */
    public static Confirmer attached() {
        Console c = System.console();
        return c == null || !Terminals.attached() ? NOBODY : new TerminalConfirmer(c);
    }

    @Override
    public boolean confirm(String question, String expected) {
        console.printf("%s%nType %s to go ahead (anything else cancels): ", question, expected);
        String answer = console.readLine();
        return answer != null && answer.strip().equals(expected);
    }

    @Override
    public Optional<String> ask(String question) {
        console.printf("%s%n> ", question);
        return Optional.ofNullable(console.readLine()).map(String::strip);
    }
}
