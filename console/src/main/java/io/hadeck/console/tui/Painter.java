package io.hadeck.console.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import io.hadeck.console.theme.Role;
import io.hadeck.console.theme.Style;
import io.hadeck.console.theme.Theme;

import java.util.List;

/** Turns lines and boxes into cells with the theme's styles; the only place roles become colours. */
public final class Painter {
    private final TextGraphics g;
    private final Theme theme;
    private final Glyphs glyphs;

    public Painter(TextGraphics g, Theme theme, Glyphs glyphs) {
        this.g = g;
        this.theme = theme;
        this.glyphs = glyphs;
    }

    private void use(Role role) {
        Style s = theme.style(role);
        g.setForegroundColor(s.foreground());
        g.setBackgroundColor(s.background());
        g.clearModifiers();
        s.modifiers().forEach(g::enableModifiers);
    }

    /** Writes {@code line} at (col,row), cut to {@code width} with an ellipsis, padded with its fill role. */
    public void line(int col, int row, int width, Line line) {
        if (width <= 0 || row < 0 || row >= g.getSize().getRows()) {
            return;
        }
        int x = 0;
        boolean cut = line.length() > width;
        int room = cut ? width - 1 : width;
        for (Segment s : line.segments()) {
            if (x >= room) {
                break;
            }
            String t = s.text();
            if (t.length() > room - x) {
                t = t.substring(0, room - x);
            }
            use(s.role());
            g.putString(col + x, row, t);
            x += t.length();
        }
        if (cut) {
            use(line.fill());
            g.putString(col + x, row, glyphs.ellipsis());
            x++;
        }
        if (x < width) {
            use(line.fill());
            g.putString(col + x, row, " ".repeat(width - x));
        }
    }

    /** Lines one under the other from (col,row); stops at {@code height}. */
    public void lines(int col, int row, int width, int height, List<Line> lines) {
        for (int i = 0; i < height; i++) {
            line(col, row + i, width, i < lines.size() ? lines.get(i) : Line.of(Role.TEXT));
        }
    }

    /** A box with a title in its top border, e.g. ┌ node-1 ✓ ──┐; the inside is left to the caller. */
    public void box(int col, int row, int width, int height, Line title, Role border) {
        if (width < 2 || height < 2) {
            return;
        }
        use(border);
        String h = glyphs.horizontal();
        g.putString(col, row, glyphs.topLeft() + h.repeat(width - 2) + glyphs.topRight());
        for (int r = 1; r < height - 1; r++) {
            g.putString(col, row + r, glyphs.vertical());
            g.putString(col + width - 1, row + r, glyphs.vertical());
        }
        g.putString(col, row + height - 1, glyphs.bottomLeft() + h.repeat(width - 2) + glyphs.bottomRight());
        if (title != null && width > 4) {
            Line t = Line.of(border).add(" ", border).add(title).add(" ", border);
            int w = Math.min(t.length(), width - 3);
            line(col + 2, row, w, t);
        }
    }

    public void fill(int col, int row, int width, int height, Role role) {
        for (int r = 0; r < height; r++) {
            line(col, row + r, width, Line.of(role));
        }
    }
}
