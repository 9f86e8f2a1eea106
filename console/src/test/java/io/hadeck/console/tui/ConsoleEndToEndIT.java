package io.hadeck.console.tui;

import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real console in a real terminal: `scripts/hadeck` in a tmux pane against the lab, read back
 * with `tmux capture-pane` as an operator would read it, through a primary crash, a resize to
 * 80x24 and the keys of a short session. Waits poll the pane; the CI box has two busy cores.
 */
class ConsoleEndToEndIT {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Pattern PRIMARY = Pattern.compile("PG primary (node-\\d)");

    private TmuxConsole console;
    private Path log;

    @BeforeEach
    void labIsHealthy() throws Exception {
        Lab.awaitHealthy(Duration.ofSeconds(120));
        log = Files.createTempFile("hadeck-e2e", ".log");
    }

    @AfterEach
    void restore() {
        if (console != null) {
            console.close();
        }
        // Whatever the test left crashed, bring it back: other test classes share this lab.
        for (String node : List.of("node-1", "node-2", "node-3")) {
            Lab.tryRun(Duration.ofMinutes(2), "fault", "node-start", node);
        }
        Lab.awaitHealthy(Duration.ofSeconds(120));
    }

    @Test
    void operatorWatchesAPrimaryCrashResizesAndDrivesTheKeys() throws Exception {
        String cmd = "HADECK_LOG=" + log + " " + Lab.repo().resolve("scripts/hadeck") + " --config " + Lab.configPath()
                + "; echo HADECK-EXITED $?; sleep 600";
        console = new TmuxConsole(cmd, 120, 40);

        String healthy = await("a healthy lab: 1 primary, 2 standbys streaming, etcd 3/3, ES green, DRBD in sync",
                s -> PRIMARY.matcher(s).find() && s.contains("· 2 streaming") && !s.contains("not streaming")
                        && s.contains("etcd healthy 3/3 leader node-") && s.contains("ES green 3/3")
                        && count(s, "✓ Connected") >= 2 && count(s, "✓ UpToDate/UpToDate") >= 2
                        && count(s, "streaming ✓ lag ") == 2, SETTLE);
        assertThat(healthy).contains("hadeck lab", "✓ HA leader node-", "failover on", "┌", "drbd-a", "drbd-b");
        // Header and cards only: the event pane may rightly remember a slow read from a busy host.
        assertThat(healthy.substring(0, healthy.indexOf("Findings")))
                .doesNotContain("unreachable", "stale", "WRITABLE PRIMARIES", "NO WRITABLE PRIMARY");
        assertThat(rows(healthy)).allMatch(r -> r.length() <= 120).hasSizeLessThanOrEqualTo(40);
        String primary = match(PRIMARY, healthy);

        Lab.run("fault", "node-crash", primary);
        String crashed = await(primary + " shown down (PG unreachable) and another node primary",
                s -> s.contains("PG   ✗ unreachable") && PRIMARY.matcher(s).find() && !match(PRIMARY, s).equals(primary),
                Duration.ofSeconds(120));
        assertThat(crashed).contains("1 unreachable");
        String next = match(PRIMARY, crashed);
        assertThat(next).isNotEqualTo(primary);
        Lab.run("fault", "node-start", primary);

        console.tmux("resize-window", "-t", console.session, "-x", "80", "-y", "24");
        String small = await("the 80x24 layout: one line per node, findings and events",
                s -> rows(s).size() <= 24 && s.contains(" Nodes 5") && s.contains("Findings") && s.contains("Events"),
                Duration.ofSeconds(30));
        assertThat(rows(small)).allMatch(r -> r.length() <= 80);
        assertThat(small).contains("hadeck lab", "etcd", "PG primary " + next, "drbd-a", "drbd-b", "? help")
                .doesNotContain("┌");

        keys("?");
        String help = await("the help overlay", s -> s.contains("Keys") && s.contains("log file: " + log), Duration.ofSeconds(20));
        assertThat(help).contains("j/k scroll", "Up k");
        keys("Escape");
        await("help closed", s -> !s.contains("log file:") && s.contains(" Nodes 5"), Duration.ofSeconds(20));

        keys("Enter");
        String detail = await("the selected node's detail", s -> s.contains("Esc back, j/k scroll"), Duration.ofSeconds(20));
        assertThat(detail).contains("read", "ago in");
        keys("Escape");
        await("back to the main view", s -> !s.contains("Esc back") && s.contains(" Nodes 5"), Duration.ofSeconds(20));

        keys(":status", "Enter");
        String status = await("`:status` output", s -> s.contains(":status   exit ") && s.contains("NODE"), Duration.ofSeconds(60));
        assertThat(status).contains("cluster lab", "node-1", "node-2", "node-3");
        keys("Escape");
        await("back from the output", s -> s.contains(" Nodes 5"), Duration.ofSeconds(20));

        keys("t");
        await("the next theme", s -> s.contains("theme light"), Duration.ofSeconds(20));

        keys("q");
        String exited = await("the console gone and the shell's screen back", s -> s.contains("HADECK-EXITED"), Duration.ofSeconds(30));
        assertThat(exited).contains("HADECK-EXITED 0").doesNotContain("Exception", "SLF4J", "WARN ");
        assertThat(Files.readString(log)).as("events go to the log file").contains("hadeck.events");
    }

    private void keys(String... keys) {
        console.keys(keys);
    }

    private String await(String what, Predicate<String> ok, Duration timeout) throws InterruptedException {
        return console.await(what, ok, timeout);
    }

    private static List<String> rows(String screen) {
        List<String> out = new ArrayList<>(List.of(screen.split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : "";
    }
}
