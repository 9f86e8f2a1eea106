package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays the nodes out for the space there is: boxes side by side when they fit, one line per node
 * otherwise (80x24, big fleets), scrolled so the selected node stays visible.
 */
public final class NodeGrid {
    static final int MIN_CARD_WIDTH = 38;

    private NodeGrid() {
    }

    /** A planned grid: {@code columns} 0 means one line per node. */
    public record Plan(int columns, int cardWidth, List<Integer> rowHeights, int height) {
        boolean cards() {
            return columns > 0;
        }
    }

    /** Cards when every card fits in {@code maxHeight} lines, else rows (at most maxHeight lines). */
    public static Plan plan(List<NodeView> nodes, ClusterSnapshot s, RenderContext c, int width, int maxHeight) {
        int cols = Math.max(1, Math.min(nodes.size(), width / MIN_CARD_WIDTH));
        int cardWidth = nodes.isEmpty() ? width : width / cols;
        List<Integer> heights = new ArrayList<>();
        int total = 0;
        for (int i = 0; i < nodes.size(); i += cols) {
            int h = 0;
            for (int j = i; j < Math.min(nodes.size(), i + cols); j++) {
                h = Math.max(h, NodeCard.render(nodes.get(j), s, c, cardWidth - 2).size() + 2);
            }
            heights.add(h);
            total += h;
            if (total > maxHeight) {
                break;
            }
        }
        if (!nodes.isEmpty() && total <= maxHeight && width >= MIN_CARD_WIDTH) {
            return new Plan(cols, cardWidth, heights, total);
        }
        return new Plan(0, width, List.of(), Math.min(maxHeight, nodes.size() + 1));
    }

    public static void draw(Painter p, Plan plan, int col, int row, int width, List<NodeView> nodes, int selected,
                            ClusterSnapshot s, RenderContext c, String filter) {
        if (plan.cards()) {
            int y = row;
            for (int i = 0, r = 0; i < nodes.size(); i += plan.columns(), r++) {
                int h = plan.rowHeights().get(r);
                for (int j = i; j < Math.min(nodes.size(), i + plan.columns()); j++) {
                    int x = col + (j - i) * plan.cardWidth();
                    NodeView n = nodes.get(j);
                    boolean sel = j == selected;
                    Line title = sel ? Line.of(Role.SELECTION).add(c.glyphs().unicode() ? "▶ " : "> ", Role.SELECTION)
                            .add(NodeCard.title(n, s, c)) : NodeCard.title(n, s, c);
                    p.box(x, y, plan.cardWidth(), h, sel ? title.recolor(Role.SELECTION) : title, sel ? Role.SELECTION : Role.BORDER);
                    p.lines(x + 1, y + 1, plan.cardWidth() - 2, h - 2, NodeCard.render(n, s, c, plan.cardWidth() - 2));
                }
                y += h;
            }
            return;
        }
        int visible = plan.height() - 1;
        int offset = Math.max(0, Math.min(selected - visible + 1, nodes.size() - visible));
        offset = Math.max(0, offset);
        Line title = Line.of(Role.BORDER).add(" Nodes ", Role.TITLE).add(nodes.size() + "", Role.TEXT)
                .add(filter == null || filter.isEmpty() ? "" : "  filter: " + filter, Role.INFO)
                .add(nodes.size() > visible ? "  " + (offset + 1) + "-" + Math.min(nodes.size(), offset + visible) + " of " + nodes.size() : "", Role.DIM);
        p.line(col, row, width, title);
        int nameWidth = nodes.stream().mapToInt(n -> n.name().length()).max().orElse(6);
        for (int i = 0; i < visible; i++) {
            int k = offset + i;
            if (k >= nodes.size()) {
                p.line(col, row + 1 + i, width, Line.of(Role.TEXT));
                continue;
            }
            Line l = NodeRow.render(nodes.get(k), s, c, nameWidth);
            p.line(col, row + 1 + i, width, k == selected ? l.recolor(Role.SELECTION) : l);
        }
    }
}
