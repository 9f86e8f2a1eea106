package io.hadeck.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import io.hadeck.console.theme.Role;
import io.hadeck.events.Event;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Composes the whole screen from the panes: header, node grid, findings, events and the footer
 * line, or the detail / help / command output views. Pure drawing: everything it shows comes in
 * through its arguments.
 */
public final class ConsoleView {
    private ConsoleView() {
    }

    /** What one frame shows besides the snapshot. */
    public record Inputs(UiState ui, RenderContext frame, List<Event> events, KeyMap keys,
                         Optional<String> actionsUnavailable, Path logFile) {
    }

    public static List<NodeView> visibleNodes(ClusterSnapshot s, String filter) {
        if (filter == null || filter.isEmpty()) {
            return s.nodes();
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return s.nodes().stream().filter(n -> n.name().toLowerCase(Locale.ROOT).contains(f)
                || (n.host() != null && n.host().contains(f))).toList();
    }

    public static void draw(TextGraphics g, ClusterSnapshot s, Inputs in) {
        TerminalSize size = g.getSize();
        int w = size.getColumns();
        int h = size.getRows();
        RenderContext c = in.frame();
        Painter p = new Painter(g, c.theme(), c.glyphs());
        // Every cell is painted every frame, so a resize or theme change leaves no garbage;
        // the screen's DELTA refresh still sends only what changed.
        p.fill(0, 0, w, h, Role.TEXT);
        if (s == null) {
            p.line(0, 0, w, Line.of(Role.HEADER).add(" hadeck  waiting for the first readings" + c.glyphs().ellipsis(), Role.HEADER));
            Footer.draw(p, h - 1, w, in);
            return;
        }
        List<Line> header = HeaderPane.render(s, c, w);
        int top = Math.min(header.size(), Math.max(1, h - 2));
        p.lines(0, 0, w, top, header);
        int body = h - top - 1;
        switch (in.ui().view) {
            case DETAIL -> detail(p, s, in, top, w, body);
            case FLEET -> scrolled(p, FleetPane.title(in.ui().fleet.size()),
                    FleetPane.render(in.ui().fleet, in.ui().fleetIndex, in.frame()), 0, top, w, body);
            case OUTPUT -> scrolled(p, Line.text(in.ui().outputTitle, Role.TITLE),
                    in.ui().output.stream().map(x -> Line.text(x, Role.TEXT)).toList(), in.ui().outputScroll, top, w, body);
            default -> main(p, s, in, top, w, body);
        }
        if (in.ui().view == UiState.View.HELP) {
            help(p, in, w, h);
        }
        Footer.draw(p, h - 1, w, in);
        if (in.ui().overlay != null) {
            in.ui().overlay.draw(g, c);
        }
    }

    /** The key list in a box; scrolled with j/k when the terminal is too short for all of it. */
    private static void help(Painter p, Inputs in, int w, int h) {
        RenderContext c = in.frame();
        List<Line> help = HelpOverlay.render(in.keys(), in.actionsUnavailable(), c.readOnly(), in.logFile(), c);
        int bw = Math.min(w - 2, Math.max(60, help.stream().mapToInt(Line::length).max().orElse(40) + 4));
        int bh = Math.min(h - 2, help.size() + 2);
        int x = Math.max(0, (w - bw) / 2);
        int y = Math.max(0, (h - bh) / 2);
        int inside = Math.max(0, bh - 2);
        UiState ui = in.ui();
        ui.helpScroll = Math.max(0, Math.min(ui.helpScroll, help.size() - inside));
        boolean more = help.size() > inside;
        Line title = Line.text("Keys", Role.TITLE);
        if (more) {
            title.add("  " + (ui.helpScroll + 1) + "-" + (ui.helpScroll + inside) + " of " + help.size() + ", j/k scroll", Role.DIM);
        }
        p.box(x, y, bw, bh, title, Role.BORDER);
        p.lines(x + 1, y + 1, bw - 2, inside, help.subList(ui.helpScroll, help.size()));
    }

    private static void main(Painter p, ClusterSnapshot s, Inputs in, int top, int w, int body) {
        RenderContext c = in.frame();
        UiState ui = in.ui();
        List<NodeView> nodes = visibleNodes(s, ui.filter);
        int selected = Math.max(0, indexOf(nodes, ui.selected));
        // Findings and events keep at least two fifths of the body: at 80x24 nodes then go one per line.
        int bottomMin = Math.max(6, body * 2 / 5);
        NodeGrid.Plan plan = NodeGrid.plan(nodes, s, c, w, Math.max(2, body - bottomMin));
        ui.gridColumns = Math.max(1, plan.columns());
        NodeGrid.draw(p, plan, 0, top, w, nodes, selected, s, c, ui.filter);
        int y = top + plan.height();
        int rest = body - plan.height();
        List<Line> findings = FindingsPane.render(s, c, w, Math.max(1, rest / 2 - 1));
        int fh = Math.min(findings.size(), Math.max(1, rest / 2 - 1));
        rule(p, y, w, FindingsPane.title(s), c);
        p.lines(0, y + 1, w, fh, findings);
        y += fh + 1;
        int eh = top + body - y - 1;
        rule(p, y, w, EventPane.title(in.events(), ui.eventScroll), c);
        ui.eventScroll = Math.min(ui.eventScroll, EventPane.maxScroll(in.events().size(), eh));
        p.lines(0, y + 1, w, Math.max(0, eh), EventPane.render(in.events(), c, Math.max(0, eh), ui.eventScroll));
    }

    private static void detail(Painter p, ClusterSnapshot s, Inputs in, int top, int w, int body) {
        Optional<NodeView> n = s.node(in.ui().selected == null ? "" : in.ui().selected);
        if (n.isEmpty()) {
            in.ui().view = UiState.View.MAIN;
            main(p, s, in, top, w, body);
            return;
        }
        List<Line> lines = DetailView.render(n.get(), s, in.frame());
        in.ui().detailScroll = Math.max(0, Math.min(in.ui().detailScroll, lines.size() - body + 1));
        scrolled(p, lines.get(0), lines.subList(1, lines.size()), in.ui().detailScroll, top, w, body);
    }

    private static void scrolled(Painter p, Line title, List<Line> lines, int scroll, int top, int w, int body) {
        p.line(0, top, w, title);
        int from = Math.max(0, Math.min(scroll, Math.max(0, lines.size() - 1)));
        p.lines(0, top + 1, w, body - 1, lines.subList(from, lines.size()));
    }

    private static void rule(Painter p, int row, int w, Line title, RenderContext c) {
        Line l = Line.of(Role.BORDER).add(c.glyphs().horizontal() + " ", Role.BORDER).add(title).add(" ", Role.BORDER);
        l.add(c.glyphs().horizontal().repeat(Math.max(0, w - l.length())), Role.BORDER);
        p.line(0, row, w, l);
    }

    static int indexOf(List<NodeView> nodes, String name) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(name)) {
                return i;
            }
        }
        return 0;
    }
}
