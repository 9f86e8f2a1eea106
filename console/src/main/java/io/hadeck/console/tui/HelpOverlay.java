package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The `?` overlay, generated from the key bindings so it can never disagree with them. */
public final class HelpOverlay {
    private HelpOverlay() {
    }

    public static List<Line> render(KeyMap keys, Optional<String> actionsUnavailable, boolean readOnly, Path logFile,
                                    RenderContext c) {
        List<Line> out = new ArrayList<>();
        // Log file first: on a small terminal the end of the list is what scrolls out of sight.
        out.add(Line.of(Role.TEXT).add("log file: ", Role.DIM).add(logFile == null ? "(none)" : logFile.toString(), Role.TEXT));
        out.add(Line.text("theme: " + c.theme().name() + "   Esc closes", Role.DIM));
        out.add(Line.of(Role.TEXT));
        List<Line> dangerous = new ArrayList<>();
        keys.byCommand().forEach((b, names) -> {
            Line l = Line.of(Role.TEXT).add(String.format("%-14s", String.join(" ", names)), Role.KEY)
                    .add(b.description(), Role.TEXT);
            (b.dangerous() ? dangerous : out).add(l);
        });
        if (!dangerous.isEmpty()) {
            // Said once for the group, not on every line: the reason is the same for all of them.
            out.add(Line.of(Role.TEXT));
            out.add(Line.of(Role.TEXT).add(c.glyphs().symbol(io.hadeck.model.Severity.WARN) + " change the cluster (each asks to confirm)",
                    Role.WARN).add(actionsUnavailable.map(why -> ": " + why).orElse(""), Role.DIM));
            out.addAll(dangerous);
        }
        if (readOnly) {
            out.add(Line.text("READ-ONLY: keys that change the cluster are hidden", Role.BADGE));
        }
        return out;
    }
}
