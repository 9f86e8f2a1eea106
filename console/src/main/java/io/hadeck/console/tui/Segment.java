package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.text.TerminalText;

/** A run of text in one role. */
public record Segment(String text, Role role) {
    /** Text from a node or a reply may hold escape sequences: shown escaped, never sent to the terminal. */
    public Segment {
        text = text == null ? null : TerminalText.oneLine(text);
    }
}
