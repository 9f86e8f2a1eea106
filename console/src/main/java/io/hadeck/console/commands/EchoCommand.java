package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "echo", mixinStandardHelpOptions = true, description = "Print the words (after $VARIABLE expansion).")
public class EchoCommand extends BaseCommand {

    @Parameters(arity = "0..*", paramLabel = "WORD")
    List<String> words = List.of();

    @Override
    public Integer call() {
        out().println(String.join(" ", words));
        out().flush();
        return ExitCode.OK;
    }
}
