package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.ExitCode;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "sleep", mixinStandardHelpOptions = true, description = "Pause a batch file: sleep 5s.")
public class SleepCommand extends BaseCommand {

    @Parameters(paramLabel = "D", converter = DurationConverter.class, description = "How long: 500ms, 5s, 2m.")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        Thread.sleep(duration.toMillis());
        return ExitCode.OK;
    }
}
