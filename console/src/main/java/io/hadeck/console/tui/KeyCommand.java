package io.hadeck.console.tui;

import io.hadeck.actions.catalogue.ActionKind;

/** What a key runs: one of the console's own {@link KeyAction}s, or a guided action from the catalogue. */
public sealed interface KeyCommand permits KeyAction, KeyCommand.Guided {

    /** The help overlay's line for it. */
    String description();

    /** A guided action: its description is the catalogue's, and it changes the cluster (asks to confirm). */
    record Guided(ActionKind kind) implements KeyCommand {
        @Override
        public String description() {
            return kind.description();
        }
    }
}
