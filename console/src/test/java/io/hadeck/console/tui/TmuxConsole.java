package io.hadeck.console.tui;

import io.hadeck.testkit.Lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/**
 * The real console in a real terminal: a tmux pane read back with {@code capture-pane} as an
 * operator would read it. Waits poll the pane; the CI box has two busy cores.
 */
final class TmuxConsole implements AutoCloseable {
    final String session = "hadeck-e2e-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    /** Starts {@code command} (a shell line) in a new pane of the given size. */
    TmuxConsole(String command, int cols, int rows) {
        tmux("new-session", "-d", "-s", session, "-x", Integer.toString(cols), "-y", Integer.toString(rows), "bash", "-c",
                command);
    }

    void tmux(String... args) {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Lab.Result r = Lab.exec(cmd, Duration.ofSeconds(20));
        if (r.exitCode() != 0) {
            fail(String.join(" ", cmd) + " exited " + r.exitCode() + ": " + r.stderr());
        }
    }

    /** Sends each argument as one tmux key (a name like Enter, or literal text). */
    void keys(String... keys) {
        for (String k : keys) {
            tmux("send-keys", "-t", session, k);
        }
    }

    String capture() {
        Lab.Result r = Lab.exec(List.of("tmux", "capture-pane", "-p", "-t", session), Duration.ofSeconds(20));
        return r.exitCode() == 0 ? r.stdout() : "";
    }

    /**
     * Polls the pane until {@code ok} holds for two captures in a row (a frame caught half-written
     * must not pass), or fails with the last screen.
     */
    String await(String what, Predicate<String> ok, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = "";
        boolean seen = false;
        while (System.nanoTime() < end) {
            last = capture();
            if (ok.test(last)) {
                if (seen) {
                    return last;
                }
                seen = true;
            } else {
                seen = false;
            }
            Thread.sleep(250);
        }
        fail("waited " + timeout.toSeconds() + " s for " + what + "; the screen was:\n" + last);
        return last;
    }

    @Override
    public void close() {
        Lab.exec(List.of("tmux", "kill-session", "-t", session), Duration.ofSeconds(10));
    }
}
