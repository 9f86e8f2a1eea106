package io.hadeck.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The full-screen console: one Lanterna screen in the terminal's private mode (so the shell's
 * scrollback is untouched), drawn on this thread only. Snapshots arrive on the watcher's thread
 * and just mark the screen dirty; the loop redraws then and once a second for ages and the clock,
 * and sends only the changed cells (DELTA refresh). Nothing is printed outside the screen.
 */
public final class ConsoleApp {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private static final long TICK_NANOS = 1_000_000_000L;
    private static final long IDLE_SLEEP_MS = 25;
    private static final int FRAME_BUFFER = 1 << 18;
    private static final long FRAME_LOG_NANOS = 60_000_000_000L;

    private ConsoleApp() {
    }

    /** Runs until `q`; returns the exit code (0, or 2 when the terminal cannot be used). */
    public static int run(ConsoleContext ctx) {
        return run(ctx, () -> { });
    }

    /** @param afterFirstFrame runs once the first frame is on the terminal (the console starts its readers then) */
    public static int run(ConsoleContext ctx, Runnable afterFirstFrame) {
        Map<String, String> env = System.getenv();
        Glyphs glyphs = Glyphs.detect(env, Charset.defaultCharset());
        Charset charset = glyphs.unicode() ? StandardCharsets.UTF_8 : Charset.defaultCharset();
        Screen screen;
        try {
            // One frame leaves in one write: with System.out's 8 KB buffer a full frame went out in
            // several writes, and on a busy host the terminal showed half-old, half-new rows
            // between them. Lanterna flushes at the end of each refresh.
            OutputStream out = new FrameOutput(new FileOutputStream(FileDescriptor.out), FRAME_BUFFER);
            Terminal terminal = new DefaultTerminalFactory(out, System.in, charset)
                    .setForceTextTerminal(true)
                    .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                    .createTerminal();
            screen = new TerminalScreen(terminal);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot open the terminal", e);
            System.err.println("hadeck: cannot open the terminal: " + e.getMessage());
            return 2;
        }
        return run(ctx, screen, Clock.systemDefaultZone(), env, glyphs, afterFirstFrame);
    }

    /** The loop over any screen (a virtual one in tests). */
    public static int run(ConsoleContext ctx, Screen screen, Clock clock, Map<String, String> env, Glyphs glyphs) {
        return run(ctx, screen, clock, env, glyphs, () -> { });
    }

    private static int run(ConsoleContext ctx, Screen screen, Clock clock, Map<String, String> env, Glyphs glyphs,
                           Runnable afterFirstFrame) {
        try (ConsoleRuntime rt = new ConsoleRuntime(ctx, clock, env, glyphs)) {
            screen.startScreen();
            screen.setCursorPosition(null);
            loop(screen, rt, afterFirstFrame);
            return 0;
        } catch (IOException e) {
            LOG.error("terminal failed", e);
            return 2;
        } finally {
            try {
                screen.stopScreen();
            } catch (IOException e) {
                LOG.warn("could not restore the terminal", e);
            }
        }
    }

    private static void loop(Screen screen, ConsoleRuntime rt, Runnable afterFirstFrame) throws IOException {
        FrameTimes wall = new FrameTimes();
        FrameTimes cpu = new FrameTimes();
        try {
            loop(screen, rt, afterFirstFrame, wall, cpu);
        } finally {
            logFrames(wall, cpu);
        }
    }

    /** "frames wall n=… p50 … ms p99 … ms max … ms; cpu n=… …", read by scripts/soak. */
    private static void logFrames(FrameTimes wall, FrameTimes cpu) {
        LOG.info("frames wall {}; cpu {} (since start)", wall.summary(), cpu.summary());
    }

    private static void loop(Screen screen, ConsoleRuntime rt, Runnable afterFirstFrame, FrameTimes wall,
                             FrameTimes cpu) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        KeyHandler keys = new KeyHandler(rt);
        long lastDraw = 0;
        long lastFrameLog = System.nanoTime();
        boolean first = true;
        while (!rt.ui.quit) {
            boolean input = false;
            for (KeyStroke k = screen.pollInput(); k != null && !rt.ui.quit; k = screen.pollInput()) {
                keys.onKey(k);
                input = true;
            }
            if (rt.ui.quit) {
                break;
            }
            rt.runUiTasks();
            TerminalSize resized = screen.doResizeIfNecessary();
            long now = System.nanoTime();
            boolean dirty = rt.takeDirty();
            if (first || resized != null || dirty || input || now - lastDraw >= TICK_NANOS) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                draw(screen, rt, first || resized != null);
                lastDraw = now;
                wall.add(System.nanoTime() - now);   // drawn and on the terminal: what the operator waits for
                cpu.add(threads.getCurrentThreadCpuTime() - cpu0);
                if (first) {
                    first = false;
                    afterFirstFrame.run();
                }
            } else {
                sleep();
            }
            if (now - lastFrameLog >= FRAME_LOG_NANOS) {
                logFrames(wall, cpu);
                lastFrameLog = now;
            }
        }
    }

    private static void draw(Screen screen, ConsoleRuntime rt, boolean complete) throws IOException {
        if (complete) {
            screen.clear();
        }
        try {
            rt.draw(screen.newTextGraphics());
        } catch (RuntimeException e) {
            // A drawing bug must not kill the console at 3 a.m.: log it and keep the last frame.
            LOG.error("drawing the console failed", e);
            rt.ui.say(io.hadeck.model.Severity.CRIT, "drawing failed, see the log: " + e);
        }
        screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private static void sleep() {
        try {
            Thread.sleep(IDLE_SLEEP_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
