package io.hadeck.console.tui;

import io.hadeck.console.journal.FleetView;
import io.hadeck.console.theme.Role;
import io.hadeck.fleet.FleetRow;

import java.util.ArrayList;
import java.util.List;

/** The fleet view: one line per configured cluster, worst first, the selected one marked; Enter opens it. */
public final class FleetPane {
    private FleetPane() {
    }

    public static Line title(int clusters) {
        return Line.text("Fleet: " + clusters + " clusters, worst first   (Enter opens, Esc back, r reads again)", Role.TITLE);
    }

    public static List<Line> render(List<FleetRow> rows, int selected, RenderContext c) {
        List<Line> out = new ArrayList<>();
        if (rows.isEmpty()) {
            out.add(Line.text("reading every configured cluster" + c.glyphs().ellipsis(), Role.DIM));
            return out;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(FleetView.HEADERS);
        rows.forEach(r -> cells.add(FleetView.cells(r, c.glyphs().symbol(r.worst()), c.now())));
        int[] width = new int[FleetView.HEADERS.length];
        cells.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        for (int i = 0; i < cells.size(); i++) {
            String[] row = cells.get(i);
            Role role = i == 0 ? Role.DIM : Role.of(rows.get(i - 1).worst());
            Line l = Line.of(Role.TEXT).add(i - 1 == selected ? "> " : "  ", Role.KEY);
            for (int k = 0; k < row.length; k++) {
                l.add(k == row.length - 1 ? row[k] : String.format("%-" + width[k] + "s  ", row[k]),
                        k == 0 || k == row.length - 1 ? role : i == 0 ? Role.DIM : Role.TEXT);
            }
            out.add(l);
        }
        return out;
    }
}
