package io.hadeck.console.journal;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.console.Main;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.testkit.Lab;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The lab as the journal ITs use it: the lab's config with the audit log and the journal in a test's
 * temp directory (plus whatever {@code extra} YAML a test adds), hadeck run as separate JVMs (the
 * built jar: a follower must be its own process, and so must the later reader) or in-process.
 */
final class JournalLab {
    final Path dir;
    final Path config;
    final Path journal;

    JournalLab(Path dir, String extra) {
        this.dir = dir;
        this.config = dir.resolve("hadeck.yaml");
        this.journal = dir.resolve("state/journal.db");
        try {
            String yaml = Files.readString(Lab.configPath())
                    .replaceFirst("(?m)^audit:\\n  path: .*$", "audit:\n  path: " + dir.resolve("audit.jsonl"))
                    .replace("read: 5s", "read: 10s");
            Files.writeString(config, yaml + "\njournal:\n  path: " + journal + "\n" + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built hadeck as its own JVM, output to files; the caller stops it. */
    Process start(String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "--config", config.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    /** Runs the built hadeck as a new process to its end. */
    Lab.Result run(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", jar().toString(), "--config", config.toString()));
        cmd.addAll(List.of(args));
        return Lab.exec(cmd, timeout);
    }

    /** hadeck in this JVM (same code path as the launcher), nobody to confirm. */
    String[] inProcess(String... args) {
        List<String> argv = new ArrayList<>(List.of("--config", config.toString()));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.NOBODY);
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    /** SIGTERM, as Ctrl-C would: the journal's shutdown hook writes what is queued. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    ClusterConfig cluster() {
        return ConfigLoader.load(config).pick("lab");
    }

    ClusterSnapshot read() {
        return OneShotSweep.SYSTEM.read(cluster(), Duration.ofSeconds(16));
    }

    /** The one writable primary; a loaded machine may miss it in one reading, so read until it shows (60 s). */
    String primary() throws InterruptedException {
        return await(Duration.ofSeconds(60), s -> s.primary().isPresent()).primary().map(NodeView::name)
                .orElseThrow(() -> new AssertionError("no single writable primary in the lab"));
    }

    /** A streaming-or-not standby other than the primary, read the same patient way. */
    String standby() throws InterruptedException {
        return await(Duration.ofSeconds(60), s -> !s.standbys().isEmpty()).standbys().stream().map(NodeView::name)
                .findFirst().orElseThrow(() -> new AssertionError("no standby in the lab"));
    }

    /** The node whose etcd member says it leads. */
    static Optional<String> etcdLeader(ClusterSnapshot s) {
        return s.nodes().stream().filter(n -> n.etcd() != null && n.etcd().get().map(e -> e.leader()).orElse(false))
                .map(NodeView::name).findFirst();
    }

    ClusterSnapshot await(Duration deadline, Predicate<ClusterSnapshot> ok) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        ClusterSnapshot s = read();
        while (!ok.test(s) && Instant.now().isBefore(end)) {
            Thread.sleep(2000);
            s = read();
        }
        return s;
    }

    static Path jar() {
        return Lab.repo().resolve("console/target/hadeck.jar");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
