package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;

/** The bottom line: the command or filter being typed, a message, or the most useful keys. */
final class Footer {
    private Footer() {
    }

    static void draw(Painter p, int row, int w, ConsoleView.Inputs in) {
        UiState ui = in.ui();
        Line l = Line.of(Role.FOOTER);
        switch (ui.input) {
            case COMMAND -> l.fill(Role.COMMAND).add(":" + ui.buffer + "_", Role.COMMAND)
                    .add(ui.message == null ? "" : "   " + ui.message, Role.DIM);
            case FILTER -> l.fill(Role.COMMAND).add("/" + ui.buffer + "_", Role.COMMAND)
                    .add("   Enter keeps the filter, Esc clears it", Role.COMMAND);
            case CONFIRM_QUIT -> l.add(" An action is running. Quit anyway? (y/N) ", Role.WARN);
            default -> {
                if (ui.message != null) {
                    l.add(" " + in.frame().glyphs().symbol(ui.messageSeverity) + " " + ui.message, Role.of(ui.messageSeverity));
                } else {
                    hint(l, "?", "help");
                    hint(l, "Enter", "detail");
                    hint(l, ":", "command");
                    hint(l, "/", "filter");
                    hint(l, "t", "theme");
                    hint(l, "p", ui.paused ? "resume" : "pause");
                    hint(l, "r", "refresh");
                    hint(l, "q", "quit");
                }
            }
        }
        p.line(0, row, w, l);
    }

    private static void hint(Line l, String key, String what) {
        l.add(" " + key, Role.KEY).add(" " + what + " ", Role.FOOTER);
    }
}
