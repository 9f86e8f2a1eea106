package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "on-error", mixinStandardHelpOptions = true,
        description = "In a batch file: 'on-error continue' runs on after a failed command, 'on-error stop' (default) stops.")
public class OnErrorCommand extends BaseCommand {

    @Parameters(paramLabel = "stop|continue", description = "stop or continue")
    String mode;

    @Override
    public Integer call() {
        session.batch().continueOnError(parse(mode));
        return ExitCode.OK;
    }

    @Override
    public void validate(io.hadeck.console.condition.Vocabulary v) {
        parse(mode);
    }

    private static boolean parse(String m) {
        return switch (m) {
            case "stop" -> false;
            case "continue" -> true;
            default -> throw CommandException.usage("on-error takes stop or continue, not '" + m + "'");
        };
    }
}
