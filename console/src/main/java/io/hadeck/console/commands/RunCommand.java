package io.hadeck.console.commands;

import io.hadeck.console.session.Settings;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.session.Session;
import io.hadeck.console.batch.BatchRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a batch file of hadeck commands ('#' comments, one command per line or ';'-separated).",
                "Every line is checked before the first one runs; stops at the first failure unless 'on-error continue'.",
                "Never asks: actions need --yes, else they are refused (exit 4)."})
public class RunCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "The batch file, - for stdin.")
    String file;

    @Option(names = "--echo", description = "Print each command before its output.")
    boolean echo;

    @Option(names = {"-y", "--yes"}, description = "Confirm the file's actions without asking.")
    boolean yes;

    @Override
    public Integer call() {
        Settings.Options before = session.settings().options();
        if (yes) {
            session.settings().configure(new Settings.Options(before.configFile(), before.clusterName(), before.theme(),
                    before.readOnly(), true));
        }
        try {
            return new BatchRunner(shell, session).runFile(file, echo, out(), err());
        } finally {
            session.settings().configure(before);
        }
    }
}
