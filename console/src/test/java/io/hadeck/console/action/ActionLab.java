package io.hadeck.console.action;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.actions.audit.AuditRecord;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.console.Main;
import io.hadeck.console.output.Json;
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
import java.util.function.Predicate;

/**
 * The lab as the action ITs use it: the lab's own config with the audit log moved to a test's temp
 * directory and read timeouts widened for a loaded CI box, hadeck run in-process through
 * {@link Main#run} (same code path as the launcher), and polling helpers with generous deadlines.
 */
final class ActionLab {
    final Path dir;
    final Path config;
    final Path audit;

    ActionLab(Path dir) {
        this(dir, yaml -> yaml);
    }

    /** @param edit changes the lab's config text (e.g. a tighter lagWarn) */
    ActionLab(Path dir, java.util.function.UnaryOperator<String> edit) {
        this.dir = dir;
        this.audit = dir.resolve("audit.jsonl");
        this.config = dir.resolve("hadeck.yaml");
        try {
            String yaml = Files.readString(Lab.configPath());
            yaml = yaml.replaceFirst("(?m)^audit:\\n  path: .*$", "audit:\n  path: " + audit)
                    .replace("connect: 2s", "connect: 5s").replace("read: 3s", "read: 10s");
            Files.createDirectories(dir);
            Files.writeString(config, edit.apply(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int exit, String out, String err, Duration took) {
        String all() {
            return out + err;
        }
    }

    Run hadeck(String... args) {
        return hadeck(Confirmer.NOBODY, args);
    }

    Run hadeck(Confirmer confirmer, String... args) {
        List<String> argv = new ArrayList<>(List.of("--config", config.toString()));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Instant t0 = Instant.now();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), confirmer);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Duration.between(t0, Instant.now()));
    }

    ClusterConfig cluster() {
        return ConfigLoader.load(config).pick("lab");
    }

    ClusterSnapshot read() {
        return OneShotSweep.SYSTEM.read(cluster(), Duration.ofSeconds(16));
    }

    /** The one writable primary of a fresh reading, if there is exactly one. */
    Optional<String> primary() {
        List<NodeView> p = read().primaries();
        return p.size() == 1 ? Optional.of(p.get(0).name()) : Optional.empty();
    }

    /** Polls fresh readings until {@code ok} or the deadline; returns the last reading either way. */
    ClusterSnapshot await(Duration deadline, Predicate<ClusterSnapshot> ok) {
        Instant end = Instant.now().plus(deadline);
        ClusterSnapshot s = read();
        while (!ok.test(s) && Instant.now().isBefore(end)) {
            sleep(Duration.ofSeconds(2));
            s = read();
        }
        return s;
    }

    /** A standby's WAL receiver streams from {@code primary}'s host. */
    static boolean streamsFrom(ClusterSnapshot s, String standby, String primary) {
        String host = s.node(primary).map(NodeView::host).orElse("?");
        return s.node(standby).flatMap(n -> n.postgres() == null ? Optional.empty() : n.postgres().get())
                .filter(p -> !p.isPrimary() && p.walReceiver() != null && "streaming".equalsIgnoreCase(p.walReceiver().status())
                        && host.equals(p.walReceiver().senderHost())).isPresent();
    }

    List<AuditRecord> auditLines() {
        try {
            if (!Files.exists(audit)) {
                return List.of();
            }
            List<AuditRecord> out = new ArrayList<>();
            for (String l : Files.readAllLines(audit)) {
                out.add(Json.mapper().readValue(l, AuditRecord.class));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
