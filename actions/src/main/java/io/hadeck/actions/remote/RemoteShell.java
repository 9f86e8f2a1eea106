package io.hadeck.actions.remote;

import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.List;

/** Runs one command on a node. Adapters describe the command line before running it. */
public interface RemoteShell {

    /** Runs {@code argv} on {@code node}; never throws for a non-zero exit, only for "could not run". */
    ShellResult run(NodeConfig node, List<String> argv, Duration timeout);

    /** The command line exactly as it will be run, for plans and the audit log. */
    String describe(NodeConfig node, List<String> argv);
}
