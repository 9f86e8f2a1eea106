package io.hadeck.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.testkit.Clusters;
import io.hadeck.testkit.PushedSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The running console loop in a virtual terminal, driven by keys like an operator would. */
class ConsoleAppTest {

    static final CommandBar COMMANDS = new CommandBar() {
        @Override
        public Result run(String line) {
            return new Result(0, "ran " + line + "\nsecond line");
        }

        @Override
        public List<String> complete(String buffer) {
            return List.of("status", "status --json", "switchover").stream().filter(c -> c.startsWith(buffer)).toList();
        }
    };

    private static String screen(DefaultVirtualTerminal vt) {
        return Rendered.read(vt).text();
    }

    private static String await(DefaultVirtualTerminal vt, Predicate<String> p) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        // Two equal matching reads in a row: the reader must not catch a refresh half-written.
        String prev = null;
        String s = screen(vt);
        while (!(p.test(s) && s.equals(prev)) && System.nanoTime() < end) {
            Thread.sleep(30);
            prev = s;
            s = screen(vt);
        }
        return s;
    }

    private static void type(DefaultVirtualTerminal vt, String chars) {
        chars.chars().forEach(c -> vt.addInput(new KeyStroke((char) c, false, false)));
    }

    @Test
    void operatorSessionFromFirstSnapshotToQuit() throws Exception {
        PushedSource source = new PushedSource();
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        Path log = Path.of("/tmp/hadeck-test.log");
        ConsoleContext ctx = new ConsoleContext(null, Clusters.healthy().config(), source, COMMANDS, "dark", false, log,
                name -> {
                    throw new IllegalArgumentException("no cluster named '" + name + "'");
                });
        var pool = Executors.newSingleThreadExecutor();
        Future<Integer> exit = pool.submit(() -> ConsoleApp.run(ctx, new TerminalScreen(vt), Clusters.CLOCK, Map.of(), Glyphs.UNICODE));
        try {
            assertThat(await(vt, s -> s.contains("waiting"))).contains("waiting for the first readings");
            source.push(Clusters.lab());
            assertThat(await(vt, s -> s.contains("node-1"))).contains("etcd healthy 3/3", "UpToDate/UpToDate");
            source.push(Clusters.primaryDown());
            assertThat(await(vt, s -> s.contains("no writable primary"))).contains("✗ CRIT no writable primary (was node-1)");

            type(vt, "?");
            assertThat(await(vt, s -> s.contains("log file"))).contains("log file: /tmp/hadeck-test.log");
            vt.addInput(new KeyStroke(KeyType.Escape));
            type(vt, "l");
            vt.addInput(new KeyStroke(KeyType.Enter));
            assertThat(await(vt, s -> s.contains("Esc back"))).contains("node-2", "pg_stat_wal_receiver");
            vt.addInput(new KeyStroke(KeyType.Escape));
            assertThat(await(vt, s -> s.contains("Findings"))).doesNotContain("Esc back");

            type(vt, ":sta");
            vt.addInput(new KeyStroke(KeyType.Tab));
            assertThat(await(vt, s -> s.contains(":status_"))).contains("status  status --json");
            vt.addInput(new KeyStroke(KeyType.Enter));
            assertThat(await(vt, s -> s.contains("ran status"))).contains(":status   exit 0", "second line");
            vt.addInput(new KeyStroke(KeyType.Escape));
            type(vt, ":");
            vt.addInput(new KeyStroke(KeyType.ArrowUp));
            assertThat(await(vt, s -> s.contains(":status_"))).contains(":status_");
            vt.addInput(new KeyStroke(KeyType.Escape));

            type(vt, "t");
            assertThat(await(vt, s -> s.contains("theme light"))).contains("theme light");
            type(vt, "p");
            assertThat(await(vt, s -> s.contains("PAUSED"))).contains("PAUSED");
            source.push(Clusters.lab());
            Thread.sleep(200);
            assertThat(screen(vt)).contains("no writable primary").contains("PG NO WRITABLE PRIMARY");
            type(vt, "r");
            assertThat(await(vt, s -> !s.contains("PAUSED"))).contains("PG primary node-1");
            assertThat(source.refreshes()).isEqualTo(1);

            type(vt, "P");
            assertThat(await(vt, s -> s.contains("not available"))).contains("disabled: guided actions not available yet");
            type(vt, ":cluster prod");
            vt.addInput(new KeyStroke(KeyType.Enter));
            assertThat(await(vt, s -> s.contains("cannot switch"))).contains("cannot switch to prod: no cluster named 'prod'");

            type(vt, "/drbd");
            vt.addInput(new KeyStroke(KeyType.Enter));
            assertThat(await(vt, s -> s.contains("filter: drbd"))).doesNotContain("node-3 127");

            vt.setTerminalSize(new TerminalSize(80, 24));
            String small = await(vt, s -> s.split("\n").length <= 24 && s.contains("drbd-b"));
            assertThat(small).contains("drbd-a", "drbd-b");
            type(vt, "q");
            assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            assertThat(source.listenerCount()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
