package io.hadeck.console.commands;

import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.ExitCode;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set a variable used as $NAME or ${NAME} in later commands; with no arguments, list them.",
                "Example: set FOLLOWER node-3; wait-for streaming($FOLLOWER)"})
public class SetCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "VALUE")
    List<String> value = List.of();

    @Override
    public Integer call() {
        if (name == null) {
            session.batch().variables().forEach((k, v) -> out().println(k + "=" + v));
        } else {
            session.batch().set(name, String.join(" ", value));
        }
        out().flush();
        return ExitCode.OK;
    }

    /** For batch validation: what this line would set. */
    Map.Entry<String, String> assignment() {
        return name == null ? null : Map.entry(name, String.join(" ", value));
    }
}
