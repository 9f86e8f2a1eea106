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
            EtcdCommand.class,
            PgCommand.class,
            EsCommand.class,
            DrbdCommand.class,
            WatchCommand.class,
            WaitForCommand.class,
            AssertCommand.class,
            SleepCommand.class,
            EchoCommand.class,
            SetCommand.class,
            OnErrorCommand.class,
            ConfigCommand.class,
            RunCommand.class,
            ReplCommand.class,
            ConsoleCommand.class,
            HelpCommand.class,
            ExitCommand.class
            // actions: add your command classes here, one line each
    );

    private Commands() {
    }
}
