package io.hadeck.probe.ssh;

import io.hadeck.threads.Threads;
import io.hadeck.config.SshOptions;
import io.hadeck.config.load.Names;
import io.hadeck.probe.Failures;
import io.hadeck.text.TerminalText;
import io.hadeck.probe.ProbeException;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command on a node, locally or through the system {@code ssh} binary (so the operator's
 * ssh config, agent and known_hosts rules apply). BatchMode: never prompts, fails instead. The
 * whole run has a deadline; a command that overruns it is killed with its children.
 */
public class SshRunner {

    private final ConnectionSharing sharing;

    /** Reads share one ssh connection per node and user (see {@link ConnectionSharing}). */
    public SshRunner() {
        this(ConnectionSharing.forThisUser());
    }

    public SshRunner(ConnectionSharing sharing) {
        this.sharing = sharing;
    }

    /** What a command did; {@code exitCode} 255 from ssh itself means ssh could not connect or log in. */
    public record Result(int exitCode, String stdout, String stderr, Duration took) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** A one-line reason for a failed run, fit for an operator. */
        public String failureText() {
            String err = stderr.strip();
            String last = err.isEmpty() ? "" : err.lines().reduce((a, b) -> b).orElse("").strip();
            if (exitCode == 255) {
                String lower = err.toLowerCase();
                if (lower.contains("connection refused")) {
                    return "ssh: connection refused";
                }
                if (lower.contains("timed out")) {
                    return "ssh: connection timed out";
                }
                if (lower.contains("permission denied")) {
                    return "ssh: authentication failed";
                }
                if (lower.contains("host key verification failed") || lower.contains("no matching host key")) {
                    return "ssh: host key not trusted (check known_hosts)";
                }
            }
            return "exit " + exitCode + (last.isEmpty() ? "" : ": " + last);
        }
    }

    /**
     * The full argv this runner would execute; public so tests and dry runs can show it. Nothing
     * from the configuration can be read by ssh as an option: the login and port are the values of
     * {@code -l} and {@code -p}, the host comes after {@code --} (after which ssh parses no option,
     * not even behind the host), and {@code -o} options come only from {@link SshOptions#ALLOWED}.
     * ssh takes the first value it sees for an option, so the configured options come before
     * hadeck's defaults and BatchMode comes before both.
     *
     * @throws ProbeException when the target holds a host, login or option the config loader would refuse
     */
    public List<String> argv(NodeTarget target, List<String> command) {
        if (target.local()) {
            return List.copyOf(command);
        }
        if (!Names.host(target.host()) || (target.user() != null && !Names.user(target.user()))) {
            throw new ProbeException("refusing to run ssh for node " + TerminalText.oneLine(target.node())
                    + ": its host or login is not a plain name");
        }
        List<String> argv = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes"));
        for (String o : target.options()) {
            String ok = SshOptions.normalise(o).orElseThrow(() -> new ProbeException("refusing to run ssh for node "
                    + TerminalText.oneLine(target.node()) + ": ssh option " + SshOptions.whyNot(o)));
            argv.addAll(List.of("-o", ok));
        }
        argv.addAll(List.of("-o", "ConnectTimeout=" + Math.max(1, target.connectTimeout().toSeconds()),
                "-o", "StrictHostKeyChecking=yes"));
        argv.addAll(sharing.options());
        if (target.knownHosts() != null) {
            argv.addAll(List.of("-o", "UserKnownHostsFile=" + target.knownHosts()));
        }
        if (target.identity() != null) {
            argv.addAll(List.of("-o", "IdentitiesOnly=yes", "-i", target.identity()));
        }
        argv.addAll(List.of("-p", Integer.toString(target.port())));
        if (target.user() != null) {
            argv.addAll(List.of("-l", target.user()));
        }
        argv.add("--");
        argv.add(target.host());
        // ssh joins the remote words with spaces and hands them to the remote shell: quote each one.
        command.forEach(w -> argv.add(ShellQuote.quote(w)));
        return argv;
    }

    /**
     * Runs {@code command} on the target and waits at most {@code timeout}.
     *
     * @throws ProbeException when the process cannot start or overruns the timeout
     */
    public Result run(NodeTarget target, List<String> command, Duration timeout) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(argv(target, command))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ProbeException("cannot run " + (target.local() ? command.get(0) : "ssh") + ": "
                    + Failures.describe(e, timeout));
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new ProbeException((target.local() ? "" : "ssh " + target.host() + ": ") + Failures.timedOut(timeout));
            }
            return new Result(p.exitValue(), out.get(1, TimeUnit.SECONDS), err.get(1, TimeUnit.SECONDS),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new ProbeException("could not read the output of " + command.get(0));
        }
    }

    /** One short-lived daemon thread per stream: the common pool has a single thread on 2 cores. */
    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Threads.start("hadeck-ssh-drain", () -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f;
    }
}
