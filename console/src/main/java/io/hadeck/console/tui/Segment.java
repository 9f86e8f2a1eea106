package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;

/** A run of text in one role. */
public record Segment(String text, Role role) {
}
