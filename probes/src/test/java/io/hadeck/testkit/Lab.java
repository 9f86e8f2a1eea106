package io.hadeck.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real lab cluster started by {@code scripts/lab}, as integration tests see it. Tests drive it only
 * through the script, so a fault in a test is the same fault an operator injects for a demo.
 */
public final class Lab {

    private Lab() {
    }

    /** The checkout's root: -Dhadeck.repo (set by failsafe) or the nearest parent holding scripts/lab. */
    public static Path repo() {
        String prop = System.getProperty("hadeck.repo");
        if (prop != null && Files.exists(Path.of(prop, "scripts", "lab"))) {
            return Path.of(prop).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/lab"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find scripts/lab above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** The lab's state directory ($HADECK_LAB_DIR or .lab in the checkout). */
    public static Path dir() {
        String env = System.getenv("HADECK_LAB_DIR");
        return env != null ? Path.of(env) : repo().resolve(".lab");
    }

    /** The lab's network prefix ($HADECK_LAB_NET, default 127.0.0): node-1..3 are .2..4. */
    /** The lab runs this part (its state directory exists): the keepalived pair is opt-in, see scripts/lab. */
    public static boolean runs(String part) {
        return java.nio.file.Files.isDirectory(dir().resolve(part));
    }

    public static String net() {
        String env = System.getenv("HADECK_LAB_NET");
        return env != null && !env.isBlank() ? env : "127.0.0";
    }

    /** A node's loopback address: node-1..3, drbd-a, drbd-b, lab. */
    public static String host(String node) {
        String last = switch (node) {
            case "node-1" -> "2";
            case "node-2" -> "3";
            case "node-3" -> "4";
            case "drbd-a" -> "5";
            case "drbd-b" -> "6";
            case "lab" -> "1";
            default -> throw new IllegalArgumentException("unknown lab node " + node);
        };
        return net() + "." + last;
    }

    public static Path configPath() {
        return dir().resolve("hadeck.yaml");
    }

    public static String secret(String name) {
        return secret(dir(), name);
    }

    /** A secret of the lab whose state directory is {@code labDir} (the second lab's too). */
    static String secret(Path labDir, String name) {
        try {
            return Files.readString(labDir.resolve("secrets").resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code scripts/lab ARGS} and returns its standard output; throws when it exits non-zero. */
    public static String run(String... args) {
        Result r = tryRun(Duration.ofMinutes(3), args);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("scripts/lab " + String.join(" ", args) + " exited " + r.exitCode()
                    + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** Runs {@code scripts/lab ARGS} and returns exit code and both outputs, whatever the exit code. */
    public static Result tryRun(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(repo().resolve("scripts/lab").toString());
        cmd.addAll(List.of(args));
        return exec(cmd, timeout);
    }

    /** Blocks until the whole lab is healthy again; other test classes depend on that. */
    public static void awaitHealthy(Duration timeout) {
        Result r = tryRun(timeout.plusSeconds(10), "wait-healthy", Long.toString(timeout.toSeconds()));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("lab not healthy within " + timeout.toSeconds() + " s: "
                    + (r.stderr() + r.stdout()).strip());
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs any command with a deadline; used for ssh, psql, and hadeck itself in end-to-end tests. */
    public static Result exec(List<String> cmd, Duration timeout) {
        return exec(cmd, java.util.Map.of(), timeout);
    }

    /**
     * The thread dumps of the JVMs in a process tree that did not finish (hadeck's launcher execs java),
     * so a hang says where it hangs instead of only that it did.
     */
    private static String threadDumps(ProcessHandle root) {
        StringBuilder sb = new StringBuilder();
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).forEach(h -> {
                    try {
                        Process d = new ProcessBuilder(jcmd.toString(), Long.toString(h.pid()), "Thread.print")
                                .redirectErrorStream(true).start();
                        String dump = new String(d.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        d.waitFor(30, TimeUnit.SECONDS);
                        sb.append("--- pid ").append(h.pid()).append('\n').append(dump);
                    } catch (IOException | InterruptedException e) {
                        sb.append("--- pid ").append(h.pid()).append(": no thread dump: ").append(e).append('\n');
                    }
                });
        return sb.length() == 0 ? "(no JVM in the process tree)" : sb.toString();
    }

    /** Like {@link #exec(List, Duration)} with variables added to the environment (a secret stays off the command line). */
    public static Result exec(List<String> cmd, java.util.Map<String, String> env, Duration timeout) {
        try {
            Path out = Files.createTempFile("lab-out", ".txt");
            Path err = Files.createTempFile("lab-err", ".txt");
            try {
                ProcessBuilder b = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                b.environment().putAll(env);
                Process p = b.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    String threads = threadDumps(p.toHandle());
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + timeout
                            + "; its JVM's threads:\n" + threads);
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
