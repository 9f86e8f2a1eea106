package io.hadeck.actions.remote;

import io.hadeck.config.NodeConfig;
import io.hadeck.probe.ssh.ShellQuote;

import java.time.Duration;
import java.util.List;

/** Runs the command on this machine (a node configured with {@code via: local}, and tests). */
public final class LocalShell implements RemoteShell {

    @Override
    public ShellResult run(NodeConfig node, List<String> argv, Duration timeout) {
        return ProcessRunner.run(argv, timeout);
    }

    @Override
    public String describe(NodeConfig node, List<String> argv) {
        return ShellQuote.join(argv) + " (local)";
    }
}
