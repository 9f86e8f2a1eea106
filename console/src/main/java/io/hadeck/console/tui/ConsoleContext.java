package io.hadeck.console.tui;

import io.hadeck.console.journal.ConsoleJournal;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.model.SnapshotSource;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Everything the full-screen console needs from whoever starts it.
 *
 * @param themeName     requested theme; NO_COLOR overrides it with monochrome
 * @param readOnly      hides every dangerous key binding
 * @param logFile       shown in the help overlay so the operator knows where the details are
 * @param switchCluster `:cluster NAME` — returns the new cluster's snapshot source (the caller owns
 *                      and closes watchers); throws with a one-line message for an unknown name
 * @param actions       the guided actions; {@link ActionLauncher#unavailable()} until wired
 * @param journal       older events and the fleet; {@link ConsoleJournal#none()} until wired
 */
public record ConsoleContext(HadeckConfig config, ClusterConfig cluster, SnapshotSource source, CommandBar commands,
                             String themeName, boolean readOnly, Path logFile,
                             Function<String, SnapshotSource> switchCluster, ActionLauncher actions,
                             ConsoleJournal journal) {

    public ConsoleContext {
        commands = commands == null ? CommandBar.none() : commands;
        actions = actions == null ? ActionLauncher.unavailable() : actions;
        journal = journal == null ? ConsoleJournal.none() : journal;
    }

    public ConsoleContext(HadeckConfig config, ClusterConfig cluster, SnapshotSource source, CommandBar commands,
                          String themeName, boolean readOnly, Path logFile,
                          Function<String, SnapshotSource> switchCluster, ActionLauncher actions) {
        this(config, cluster, source, commands, themeName, readOnly, logFile, switchCluster, actions, null);
    }

    /** The contract's form (TEAM.md): guided actions not wired. */
    public ConsoleContext(HadeckConfig config, ClusterConfig cluster, SnapshotSource source, CommandBar commands,
                          String themeName, boolean readOnly, Path logFile,
                          Function<String, SnapshotSource> switchCluster) {
        this(config, cluster, source, commands, themeName, readOnly, logFile, switchCluster,
                ActionLauncher.unavailable());
    }

    public ConsoleContext withActions(ActionLauncher launcher) {
        return new ConsoleContext(config, cluster, source, commands, themeName, readOnly, logFile, switchCluster, launcher,
                journal);
    }

    public ConsoleContext withJournal(ConsoleJournal j) {
        return new ConsoleContext(config, cluster, source, commands, themeName, readOnly, logFile, switchCluster, actions, j);
    }
}
