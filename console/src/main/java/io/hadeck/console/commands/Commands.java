package io.hadeck.console.commands;

import java.util.List;

/**
 * THE list of hadeck commands. The shell, the REPL, batch files, the TUI's ':' line and `help`
 * all take their commands from here; add a command with one line.
 */
public final class Commands {

    public static final List<Class<?>> ALL = List.of(
            StatusCommand.class,
            NodesCommand.class,
            ShowCommand.class,
            FindingsCommand.class,
            EventsCommand.class,
            IncidentCommand.class,
            FleetCommand.class,
            EtcdCommand.class,
            PgCommand.class,
            EsCommand.class,
            DrbdCommand.class,
            PairCommand.class,
            WatchCommand.class,
            WaitForCommand.class,
            AssertCommand.class,
            SleepCommand.class,
            EchoCommand.class,
            SetCommand.class,
            OnErrorCommand.class,
            ConfigCommand.class,
            InitCommand.class,
            DoctorCommand.class,
            RunCommand.class,
            ReplCommand.class,
            ConsoleCommand.class,
            HelpCommand.class,
            ExitCommand.class,
            // guided actions (io.hadeck.console.commands.action); drbd recover is under DrbdCommand
            io.hadeck.console.commands.action.PromoteCommand.class,
            io.hadeck.console.commands.action.DemoteCommand.class,
            io.hadeck.console.commands.action.ForceLeaderCommand.class,
            io.hadeck.console.commands.action.SetClusterFailoverCommand.class,
            io.hadeck.console.commands.action.SetNodeFailoverCommand.class,
            io.hadeck.console.commands.action.FenceCommand.class,
            io.hadeck.console.commands.action.RejoinCommand.class,
            io.hadeck.console.commands.action.RestartCommand.class,
            io.hadeck.console.commands.action.ReloadCommand.class,
            io.hadeck.console.commands.action.AuditCommand.class
    );

    private Commands() {
    }
}
