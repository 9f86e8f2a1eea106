package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;

import java.util.ArrayList;
import java.util.List;

/**
 * One screen line as panes produce it: segments of text with roles, and the role the rest of the
 * line is filled with. Panes return these; only {@link Painter} turns them into cells.
 */
public final class Line {
    private final List<Segment> segments = new ArrayList<>();
    private Role fill;

    public Line(Role fill) {
        this.fill = fill;
    }

    public static Line of(Role fill) {
        return new Line(fill);
    }

    public static Line text(String text, Role role) {
        return new Line(Role.TEXT).add(text, role);
    }

    public Line add(String text, Role role) {
        if (text != null && !text.isEmpty()) {
            segments.add(new Segment(text, role));
        }
        return this;
    }

    public Line add(Line other) {
        segments.addAll(other.segments);
        return this;
    }

    /** Same text, every segment in {@code role} (the selected row). */
    public Line recolor(Role role) {
        Line l = new Line(role);
        segments.forEach(s -> l.add(s.text(), role));
        return l;
    }

    public List<Segment> segments() {
        return segments;
    }

    public Role fill() {
        return fill;
    }

    public Line fill(Role role) {
        this.fill = role;
        return this;
    }

    public int length() {
        int n = 0;
        for (Segment s : segments) {
            n += s.text().length();
        }
        return n;
    }

    /** The plain text, as an operator would read it (tests assert on this). */
    public String plain() {
        StringBuilder b = new StringBuilder();
        segments.forEach(s -> b.append(s.text()));
        return b.toString();
    }

    @Override
    public String toString() {
        return plain();
    }
}
