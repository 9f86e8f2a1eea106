package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.events.Event;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The event log, newest at the bottom like a log file; scrolled back by {@code scroll} lines. */
public final class EventPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private EventPane() {
    }

    public static Line title(List<Event> events, int scroll) {
        return Line.of(Role.BORDER).add("Events ", Role.TITLE).add(String.valueOf(events.size()), Role.TEXT)
                .add(scroll > 0 ? "  scrolled back " + scroll + " (PgDn/End)" : "", Role.INFO);
    }

    public static List<Line> render(List<Event> events, RenderContext c, int height, int scroll) {
        List<Line> out = new ArrayList<>();
        if (events.isEmpty()) {
            out.add(Line.of(Role.TEXT).add("no events yet: state changes appear here as they happen", Role.DIM));
            return out;
        }
        int end = Math.max(0, events.size() - Math.max(0, scroll));
        int start = Math.max(0, end - height);
        for (Event e : events.subList(start, end)) {
            Role r = Role.of(e.severity());
            out.add(Line.of(Role.TEXT).add(TIME.format(e.at().atZone(c.zone())) + " ", Role.DIM)
                    .add(c.glyphs().symbol(e.severity()) + " " + String.format("%-4s", e.severity().word()) + " ", r)
                    .add(e.node() == null ? "" : e.node() + ": ", Role.TITLE)
                    .add(e.text(), Role.TEXT));
        }
        return out;
    }

    /** The furthest back one may scroll so the pane stays full. */
    public static int maxScroll(int events, int height) {
        return Math.max(0, events - height);
    }
}
