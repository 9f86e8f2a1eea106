package io.hadeck.actions.remote;

import io.hadeck.actions.ActionException;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Duration;
import java.util.List;

/**
 * Runs a command with a deadline through probes' {@link SshRunner}, the one place hadeck starts
 * processes (stdin from /dev/null, both streams drained on their own threads, children killed on
 * overrun), and turns "could not run" into an {@link ActionException}.
 */
public final class ProcessRunner {
    private static final SshRunner RUNNER = new SshRunner();

    private ProcessRunner() {
    }

    /** Runs {@code cmd} on this machine. */
    public static ShellResult run(List<String> cmd, Duration timeout) {
        return run(NodeTarget.local("local"), cmd, timeout);
    }

    /** Runs {@code cmd} on the target: locally or through the system ssh binary. */
    public static ShellResult run(NodeTarget target, List<String> cmd, Duration timeout) {
        try {
            SshRunner.Result r = RUNNER.run(target, cmd, timeout);
            return new ShellResult(r.exitCode(), r.stdout(), r.stderr());
        } catch (ProbeException e) {
            throw new ActionException(e.getMessage());
        }
    }
}
