package io.hadeck.console.tui;

import io.hadeck.console.theme.Role;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** Findings, worst first: symbol and word, code, nodes, the sentence, and the suggested action. */
public final class FindingsPane {
    private FindingsPane() {
    }

    public static Line title(ClusterSnapshot s) {
        return Line.of(Role.BORDER).add("Findings ", Role.TITLE).add(String.valueOf(s.findings().size()), Role.TEXT);
    }

    /** Up to {@code height} lines; a finding with an action gets a second line when there is room. */
    public static List<Line> render(ClusterSnapshot s, RenderContext c, int width, int height) {
        List<Line> out = new ArrayList<>();
        if (!s.progress().complete()) {
            out.add(Line.text("findings once every source has answered" + c.glyphs().ellipsis(), Role.DIM));
            return out;
        }
        if (s.findings().isEmpty()) {
            out.add(Line.of(Role.TEXT).add(c.glyphs().symbol(io.hadeck.model.Severity.OK) + " no findings", Role.OK));
            return out;
        }
        boolean roomForActions = s.findings().size() * 2 <= height;
        for (Finding f : s.findings()) {
            Role r = Role.of(f.severity());
            Line l = Line.of(Role.TEXT).add(c.glyphs().symbol(f.severity()) + " " + String.format("%-4s", f.severity().word()), r)
                    .add(" " + f.code(), Role.TITLE)
                    .add(f.nodes().isEmpty() ? "" : " [" + String.join(",", f.nodes()) + "]", Role.TEXT)
                    .add(" " + f.message(), Role.TEXT);
            if (f.action() != null && !roomForActions) {
                l.add(" " + c.glyphs().arrow() + " " + f.action(), Role.INFO);
            }
            out.add(l);
            if (f.action() != null && roomForActions) {
                out.add(Line.of(Role.TEXT).add("       " + c.glyphs().arrow() + " " + f.action(), Role.INFO));
            }
        }
        if (out.size() > height && height > 0) {
            List<Line> cut = new ArrayList<>(out.subList(0, height - 1));
            cut.add(Line.of(Role.TEXT).add("  " + c.glyphs().ellipsis() + " " + (s.findings().size()) + " findings in all ("
                    + "`:findings` lists them)", Role.DIM));
            return cut;
        }
        return out;
    }
}
