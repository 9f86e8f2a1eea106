package io.hadeck.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.events.Event;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Draws one frame into Lanterna's virtual terminal and reads back the text an operator would see. */
final class Rendered {
    final List<String> rows;

    private Rendered(List<String> rows) {
        this.rows = rows;
    }

    static RenderContext frame(String theme, Glyphs glyphs, boolean readOnly) {
        return new RenderContext(ThemeLoader.load(theme), glyphs, Clusters.NOW, ZoneOffset.UTC, Clusters.thresholds(),
                readOnly, false, null, new LagHistory(30));
    }

    static Rendered of(ClusterSnapshot s, int cols, int rows, RenderContext frame, UiState ui, List<Event> events) {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        try (TerminalScreen screen = new TerminalScreen(vt)) {
            screen.startScreen();
            ConsoleView.draw(screen.newTextGraphics(), s, new ConsoleView.Inputs(ui, frame, events,
                    KeyMap.defaults(frame.readOnly()), Optional.of("disabled: guided actions not available yet"),
                    Path.of("/var/log/hadeck.log")));
            screen.refresh(Screen.RefreshType.COMPLETE);
            return read(vt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered read(DefaultVirtualTerminal vt) {
        List<String> out = new ArrayList<>();
        TerminalSize size = vt.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = vt.getCharacter(c, r);
                b.append(ch == null ? " " : ch.getCharacterString());
            }
            out.add(b.toString().replaceAll("\\s+$", ""));
        }
        return new Rendered(out);
    }

    String text() {
        return String.join("\n", rows);
    }

    @Override
    public String toString() {
        return text();
    }
}
