package io.hadeck.console.tui;

import io.hadeck.actions.catalogue.ActionKind;

import java.util.Optional;

/**
 * One key as data: which key and what it runs. A key that opens a guided action changes the cluster
 * (dangerous): read-only mode drops it; the help overlay lists the rest.
 *
 * @param key as {@link KeyNames#of} names it: "j", "Enter", "Up", "?", "P"
 */
public record KeyBinding(String key, KeyCommand command) {

    public String description() {
        return command.description();
    }

    public boolean dangerous() {
        return command instanceof KeyCommand.Guided;
    }

    /** The catalogue's action this key asks for, empty for one of the console's own key actions. */
    public Optional<ActionKind> action() {
        return command instanceof KeyCommand.Guided g ? Optional.of(g.kind()) : Optional.empty();
    }
}
