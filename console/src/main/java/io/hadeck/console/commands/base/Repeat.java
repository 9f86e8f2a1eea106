package io.hadeck.console.commands.base;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.units.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.IntSupplier;

/** Runs something every interval until Ctrl-C (an interrupt), for status --watch and watch. */
public final class Repeat {

    private Repeat() {
    }

    /** Returns 130 when interrupted; the last exit code is what the operator saw on screen. */
    public static int every(Duration interval, PrintWriter out, boolean clearScreen, IntSupplier body) {
        if (interval.isNegative() || interval.isZero()) {
            throw CommandException.usage("--interval must be positive");
        }
        while (!Thread.currentThread().isInterrupted()) {
            if (clearScreen) {
                out.print("\033[H\033[2J");
            } else {
                out.println("--- every " + Durations.compact(interval) + " (Ctrl-C stops)");
            }
            out.flush();
            body.getAsInt();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Thread.interrupted();
        return ExitCode.INTERRUPTED;
    }

    /** Clear the screen only on a real terminal; pipes and logs get separators. */
    public static boolean onTerminal(boolean json) {
        return !json && io.hadeck.console.session.Terminals.attached() && !"dumb".equals(System.getenv("TERM"));
    }
}
