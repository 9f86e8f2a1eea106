package io.hadeck.console.commands;

import io.hadeck.console.session.Settings;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.session.Session;
import io.hadeck.console.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `hadeck [global options] [COMMAND]`: with no command, opens the console. */
@Command(name = "hadeck", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Operations console for HA database backends (etcd, PostgreSQL/Patroni, Elasticsearch, DRBD).",
        footer = {"", "With no COMMAND, opens the full-screen console. Exit codes: 0 ok, 1 unhealthy or assertion failed,",
                "2 usage/config error, 3 unreachable, 4 refused/not confirmed, 5 action failed."})
public class HadeckCommand extends BaseCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: $HADECK_CONFIG, else ~/.config/hadeck/config.yaml, else /etc/hadeck/config.yaml).")
    String config;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster of the configuration to use (default: its default).")
    String cluster;

    @Option(names = "--theme", paramLabel = "T", description = "Console theme: dark, light, high-contrast, monochrome.")
    String theme;

    @Option(names = "--read-only", description = "Refuse every action that would change the cluster.")
    boolean readOnly;

    @Option(names = {"-y", "--yes"}, description = "Confirm actions without asking (for scripts; nothing is ever confirmed without a terminal otherwise).")
    boolean yes;

    @Option(names = "-c", paramLabel = "COMMANDS", description = "Run these ';'-separated commands like a batch file, then exit.")
    String commands;

    @Option(names = "--echo", description = "With -c: print each command before its output.")
    boolean echo;

    Settings.Options options() {
        return new Settings.Options(config, cluster, theme, readOnly, yes);
    }

    @Override
    public Integer call() {
        if (commands != null) {
            return new BatchRunner(shell, session).runText("-c", commands, echo, out(), err());
        }
        return ConsoleCommand.open(session, shell, out(), err());
    }
}
