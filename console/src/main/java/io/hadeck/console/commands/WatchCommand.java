package io.hadeck.console.commands;

import io.hadeck.console.commands.base.Repeat;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.condition.Vocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Run a command again and again until Ctrl-C.", "Example: watch pg replication --interval 1s"})
public class WatchCommand extends BaseCommand {

    @Option(names = "--interval", paramLabel = "D", defaultValue = "2s", converter = DurationConverter.class,
            description = "How often (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> argv = List.copyOf(command);
        shell.validate(argv, session.settings().vocabulary());
        if (argv.get(0).equals("watch")) {
            throw CommandException.usage("watch cannot watch itself");
        }
        session.connection().source();
        return Repeat.every(interval, out(), Repeat.onTerminal(argv.contains("--json")),
                () -> shell.execute(argv, out(), err()));
    }

    @Override
    public void validate(Vocabulary vocabulary) {
        shell.validate(List.copyOf(command), vocabulary);
    }
}
