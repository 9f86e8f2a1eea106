package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.repl.Repl;
import picocli.CommandLine.Command;

@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"Interactive prompt with completion (Tab) and history; the prompt shows cluster and health.",
                "Ctrl-C cancels the running command, Ctrl-D leaves."})
public class ReplCommand extends BaseCommand {

    @Override
    public Integer call() throws Exception {
        return new Repl(session, shell).run();
    }
}
