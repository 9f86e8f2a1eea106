package io.hadeck.console.tui.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.console.tui.ConsoleView;
import io.hadeck.console.tui.Glyphs;
import io.hadeck.console.tui.KeyMap;
import io.hadeck.console.tui.LagHistory;
import io.hadeck.console.tui.RenderContext;
import io.hadeck.console.tui.UiState;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Frame cost for scripts/bench: a 300-node fleet with 10 % unreachable, drawn into a virtual
 * terminal at common sizes. "draw" is composing the frame (all panes); "draw+delta" adds the
 * screen's DELTA refresh with the clock and ages moving one second per frame, as in real use.
 * Usage: RenderBench [frames] (default 500). Prints one line per size.
 */
public final class RenderBench {
    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ClusterSnapshot fleet = Clusters.bigFleet(300, 0.1);
        LagHistory history = new LagHistory(60);
        history.record(fleet);
        System.out.println("RenderBench: " + fleet.nodes().size() + " nodes, "
                + fleet.nodes().stream().filter(n -> n.postgres() != null && !n.postgres().isOk()).count()
                + " unreachable, " + frames + " frames per size, theme dark");
        for (int[] size : new int[][] {{80, 24}, {120, 40}, {200, 50}, {300, 90}}) {
            DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(size[0], size[1]));
            try (TerminalScreen screen = new TerminalScreen(vt)) {
                screen.startScreen();
                UiState ui = new UiState();
                ui.selected = "node-150";
                double[] draw = new double[frames];
                double[] total = new double[frames];
                for (int i = -frames / 5; i < frames; i++) {
                    RenderContext frame = new RenderContext(ThemeLoader.load("dark"), Glyphs.UNICODE,
                            Clusters.NOW.plusSeconds(Math.max(0, i)), ZoneOffset.UTC, Clusters.thresholds(), false, false,
                            null, history);
                    long t0 = System.nanoTime();
                    ConsoleView.draw(screen.newTextGraphics(), fleet, new ConsoleView.Inputs(ui, frame, List.of(),
                            KeyMap.defaults(false), Optional.empty(), Path.of("hadeck.log")));
                    long t1 = System.nanoTime();
                    screen.refresh(Screen.RefreshType.DELTA);
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        draw[i] = (t1 - t0) / 1e6;
                        total[i] = (t2 - t0) / 1e6;
                    }
                }
                System.out.printf("%dx%d  draw mean %.2f ms p50 %.2f p99 %.2f | draw+delta mean %.2f ms p50 %.2f p99 %.2f%n",
                        size[0], size[1], mean(draw), pct(draw, 50), pct(draw, 99), mean(total), pct(total, 50), pct(total, 99));
            }
        }
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
