package io.hadeck.console.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.console.commands.TestShell;
import io.hadeck.testkit.Clusters;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven for real through a JLine terminal fed keystrokes, as an operator would type. */
class ReplTest {

    @TempDir
    Path dir;

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private CompletableFuture<Integer> start(TestShell t) throws Exception {
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ExternalTerminal terminal = new ExternalTerminal("test", "xterm", in, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, 40));
        Path history = dir.resolve("history");
        return CompletableFuture.supplyAsync(() -> new Repl(t.session, t.shell).run(terminal, history));
    }

    private void type(String s) throws Exception {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    private void awaitScreen(String text, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!screen().contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("screen never showed '" + text + "':\n" + screen());
            }
            Thread.sleep(20);
        }
    }

    @Test
    void promptCompletionHistoryTypoCtrlCAndCtrlD() throws Exception {
        TestShell t = TestShell.of(Clusters.lab());
        CompletableFuture<Integer> repl = start(t);
        awaitScreen("lab [ok] > ", Duration.ofSeconds(10));

        type("stat\t --json\r");                                   // Tab completes the command
        awaitScreen("\"health\" : \"ok\"", Duration.ofSeconds(10));

        type("show drbd-\tb\r");                                    // Tab offers the node names
        awaitScreen("name: drbd-b", Duration.ofSeconds(10));

        type("echo first-call\r");
        awaitScreen("first-call", Duration.ofSeconds(5));
        int before = count("first-call");
        type("\u0010\r");                                             // Ctrl-P (up): history recall
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count("first-call") < before + 2 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(count("first-call")).isGreaterThanOrEqualTo(before + 2);

        type("stauts\r");                                           // a typo: one line, REPL lives on
        awaitScreen("unknown command 'stauts' (did you mean status", Duration.ofSeconds(5));

        type("watch --interval 100ms echo tick\r");
        awaitScreen("--- every 100ms", Duration.ofSeconds(5));
        awaitScreen("tick\r\n--- every 100ms", Duration.ofSeconds(5));
        type("\u0003");                                             // Ctrl-C cancels watch, not the REPL
        awaitScreen("cancelled", Duration.ofSeconds(5));
        type("echo still-here\r");
        awaitScreen("still-here", Duration.ofSeconds(5));

        type("\u0004");                                             // Ctrl-D leaves
        assertThat(repl.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(Files.readString(dir.resolve("history"))).contains("echo first-call").contains("stauts");
        assertThat(Files.getPosixFilePermissions(dir.resolve("history"))).as("what was typed is the operator's")
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void exitCodeLeavesWithIt() throws Exception {
        CompletableFuture<Integer> repl = start(TestShell.of(Clusters.twoPrimaries()));
        awaitScreen("lab [CRIT ", Duration.ofSeconds(10));
        type("exit 4\r");
        assertThat(repl.get(10, TimeUnit.SECONDS)).isEqualTo(4);
    }

    @Test
    void completerKnowsFieldsNodesAndOptions() {
        TestShell t = TestShell.of(Clusters.lab());
        ReplCompleter c = new ReplCompleter(t.session, t.shell);
        assertThat(c.complete("sta")).contains("status");
        assertThat(c.complete("status --js")).containsExactly("status --json");
        assertThat(c.complete("show node-")).contains("show node-1", "show node-2", "show node-3");
        assertThat(c.complete("wait-for pg.str")).containsExactly("wait-for pg.streaming");
        assertThat(c.complete("assert drbd(pc0).cs == Connected and fin")).contains(
                "assert drbd(pc0).cs == Connected and finding(", "assert drbd(pc0).cs == Connected and findings.crit");
        assertThat(c.complete("etcd ")).contains("etcd members");
        assertThat(c.complete("echo a; sta")).contains("echo a; status");
    }

    private int count(String s) {
        String all = screen();
        int n = 0;
        for (int i = all.indexOf(s); i >= 0; i = all.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }
}
