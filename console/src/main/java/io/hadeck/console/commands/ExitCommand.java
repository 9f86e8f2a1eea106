package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "exit", aliases = "quit", mixinStandardHelpOptions = true,
        description = "Leave the REPL, or end a batch file with this exit code (default 0).")
public class ExitCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "CODE", defaultValue = "0")
    int code;

    @Override
    public Integer call() {
        session.batch().requestExit(code);
        return code;
    }
}
