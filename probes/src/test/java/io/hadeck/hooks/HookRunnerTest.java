package io.hadeck.hooks;

import io.hadeck.config.HookConfig;
import io.hadeck.events.Event;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Real programs (sh, sleep) run as hooks: no mock of ProcessBuilder. */
class HookRunnerTest {
    static final Instant T0 = Instant.parse("2026-12-01T04:00:00Z");
    static final ClusterSnapshot SNAPSHOT = new ClusterSnapshot(1, T0, "lab", List.of(), null, null, null, List.of());

    @TempDir
    Path dir;

    HookConfig hook(String name, List<String> argv, Set<String> codes, Severity least, Duration timeout) {
        return new HookConfig(name, argv, codes, least, EnumSet.allOf(HookConfig.On.class), timeout);
    }

    static Event raised(FindingCode code, Severity s) {
        return new Event(T0, s, null, "finding raised: " + code, code.name(), Event.FindingChange.RAISED);
    }

    static Event cleared(FindingCode code) {
        return new Event(T0.plusSeconds(20), Severity.OK, null, "finding cleared: " + code, code.name(), Event.FindingChange.CLEARED);
    }

    @Test
    void aPagerHookGetsNoPrimaryRaisedAndClearedAsJsonOnStdin() throws Exception {
        Path got = dir.resolve("got.jsonl");
        HookConfig pager = hook("pager", List.of("sh", "-c", "cat >> " + got), Set.of(FindingCode.PG_NO_PRIMARY.name()), null,
                Duration.ofSeconds(5));
        try (HookRunner r = new HookRunner("lab", List.of(pager))) {
            r.seen(SNAPSHOT, List.of(raised(FindingCode.PG_NO_PRIMARY, Severity.CRIT), raised(FindingCode.REPLICA_LAG, Severity.WARN)));
            r.seen(SNAPSHOT, List.of(cleared(FindingCode.PG_NO_PRIMARY)));
        }
        List<String> lines = Files.readAllLines(got);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"code\":\"PG_NO_PRIMARY\"", "\"change\":\"raised\"", "\"severity\":\"crit\"",
                "\"cluster\":\"lab\"");
        // cleared carries the severity the finding had, so "severity: crit" hooks hear the all-clear
        assertThat(lines.get(1)).contains("\"change\":\"cleared\"", "\"severity\":\"crit\"");
    }

    @Test
    void aSeverityHookIgnoresLesserFindings() throws Exception {
        Path got = dir.resolve("crit.jsonl");
        HookConfig crit = hook("crit", List.of("sh", "-c", "cat >> " + got), Set.of(), Severity.CRIT, Duration.ofSeconds(5));
        try (HookRunner r = new HookRunner("lab", List.of(crit))) {
            r.seen(SNAPSHOT, List.of(raised(FindingCode.REPLICA_LAG, Severity.WARN), new Event(T0, Severity.INFO, null, "x")));
        }
        assertThat(got).doesNotExist();
    }

    @Test
    void aHangingHookIsKilledAtItsDeadline() {
        HookConfig hang = hook("hang", List.of("sleep", "30"), Set.of("X"), null, Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(HookRunner.run(hang, new byte[0])).isEqualTo(HookRunner.HookOutcome.KILLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFailingOrMissingHookIsReportedNotThrown() {
        assertThat(HookRunner.run(hook("fails", List.of("sh", "-c", "exit 3"), Set.of("X"), null, Duration.ofSeconds(5)),
                new byte[0])).isEqualTo(HookRunner.HookOutcome.FAILED);
        assertThat(HookRunner.run(hook("missing", List.of("/nonexistent/hadeck-hook"), Set.of("X"), null,
                Duration.ofSeconds(5)), new byte[0])).isEqualTo(HookRunner.HookOutcome.NOT_STARTED);
    }

    @Test
    void hooksNeverHoldUpTheWatchersThread() {
        HookConfig hang = hook("hang", List.of("sleep", "30"), Set.of(FindingCode.PG_NO_PRIMARY.name()), null, Duration.ofMillis(500));
        try (HookRunner r = new HookRunner("lab", List.of(hang))) {
            long start = System.nanoTime();
            for (int i = 0; i < HookRunner.QUEUE + 50; i++) {
                r.seen(SNAPSHOT, List.of(raised(FindingCode.PG_NO_PRIMARY, Severity.CRIT)));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
