package io.hadeck.console.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.console.commands.TestShell;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {

    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        Path f = dir.resolve("book.hd");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSyntaxErrorOnLineSevenRunsNothing() throws Exception {
        Path f = file("""
                # a runbook
                echo started
                assert pg.primaries == 1

                set N node-3
                wait-for streaming($N) --timeout 1s
                assert pg.streaming 2
                echo never
                """);
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("run", f.toString())).isEqualTo(2);
        assertThat(t.out()).isEmpty();
        assertThat(t.err()).startsWith(f + ":7: condition at column 14: expected a comparison operator")
                .contains(f + ": 1 error(s), nothing was run");
    }

    @Test
    void everyBadLineIsReported() throws Exception {
        Path f = file("stauts\nstatus --frobnicate\nwait-for lag(node-9) < 1MB\necho $UNSET\non-error maybe\n");
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("run", f.toString())).isEqualTo(2);
        assertThat(t.err()).contains(f + ":1: unknown command 'stauts'").contains(f + ":2: status: Unknown option: '--frobnicate'")
                .contains(f + ":3: condition at column 5: no node 'node-9'").contains(f + ":4: variable $UNSET is not set")
                .contains(f + ":5: on-error takes stop or continue").contains("5 error(s), nothing was run");
    }

    @Test
    void aFailedAssertStopsWithExitOneNamingTheLine() throws Exception {
        Path f = file("echo one\nassert pg.streaming >= 3\necho two\n");
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("run", "--echo", f.toString())).isEqualTo(1);
        assertThat(t.out()).isEqualTo("> echo one\none\n> assert pg.streaming >= 3\n");
        assertThat(t.err()).isEqualTo(f + ":2: assertion failed: pg.streaming >= 3 (pg.streaming is 2, wanted >= 3)\n");
    }

    @Test
    void onErrorContinueRunsOnAndStillFails() throws Exception {
        Path f = file("on-error continue\nassert findings.crit > 0\necho after\n");
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("run", f.toString())).isEqualTo(1);
        assertThat(t.out()).contains("after");
    }

    @Test
    void exitEndsTheFileWithItsCode() throws Exception {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("run", file("echo a\nexit 3\necho b\n").toString())).isEqualTo(3);
        assertThat(t.out()).isEqualTo("a\n");
    }

    @Test
    void dashCIsABatchToo() {
        TestShell t = TestShell.of(Clusters.lab());
        assertThat(t.main("-c", "echo a; assert pg.primary == node-1; echo b")).isEqualTo(0);
        assertThat(t.out()).isEqualTo("a\nok: pg.primary == node-1 (pg.primary is node-1, wanted == node-1)\nb\n");
        t.clear();
        assertThat(t.main("-c", "echo a; assert pg.primary == node-2; echo b")).isEqualTo(1);
        assertThat(t.err()).startsWith("-c:1: assertion failed");
    }

    @Test
    void shippedRunbooksValidate() throws Exception {
        Path books = Path.of(System.getProperty("hadeck.repo", "..")).resolve("scripts/runbooks");
        for (String candidate : new String[] {"scripts/runbooks", "../scripts/runbooks"}) {
            if (!Files.isDirectory(books)) {
                books = Path.of(candidate);
            }
        }
        try (var files = Files.list(books)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".hd")).toList()) {
                TestShell t = TestShell.of(Clusters.lab());
                var lines = BatchLine.split(f.toString(), Files.readString(f));
                assertThat(new BatchValidator(t.shell, t.session).check(lines)).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void theMorningCheckReadsTheClusterOnceAndAgainOnlyAfterTimePasses() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ClusterSnapshot lab = Clusters.lab();
        TestShell t = new TestShell(Clusters.labBuilder(), () -> {
            reads.incrementAndGet();
            return lab;
        });
        Path f = file("""
                on-error continue
                assert pg.primaries == 1
                assert ha.leader == pg.primary
                assert pg.streaming >= pg.standbys
                status
                sleep 10ms
                assert pg.primaries == 1
                assert findings.crit == 0
                """);
        assertThat(t.main("run", f.toString())).isZero();
        assertThat(reads).as("one read for the first four lines, one after the sleep").hasValue(2);
        assertThat(t.main("-c", "assert pg.primaries == 1; assert pg.primaries == 1")).isZero();
        assertThat(reads).as("a new batch reads afresh, once").hasValue(3);
    }
}
