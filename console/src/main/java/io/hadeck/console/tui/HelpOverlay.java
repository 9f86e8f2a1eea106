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
        keys.byCommand().forEach((b, names) -> {
            Line l = Line.of(Role.TEXT).add(String.format("%-14s", String.join(" ", names)), Role.KEY)
                    .add(b.description(), Role.TEXT);
            if (b.dangerous()) {
                l.add("  " + c.glyphs().symbol(io.hadeck.model.Severity.WARN) + " changes the cluster", Role.WARN);
                actionsUnavailable.ifPresent(why -> l.add("  " + why, Role.DIM));
            }
            out.add(l);
        });
        if (readOnly) {
            out.add(Line.text("READ-ONLY: keys that change the cluster are hidden", Role.BADGE));
        }
        out.add(Line.of(Role.TEXT));
        out.add(Line.of(Role.TEXT).add("log file: ", Role.DIM).add(logFile == null ? "(none)" : logFile.toString(), Role.TEXT));
        out.add(Line.text("theme: " + c.theme().name() + "   Esc closes", Role.DIM));
        return out;
    }
}
