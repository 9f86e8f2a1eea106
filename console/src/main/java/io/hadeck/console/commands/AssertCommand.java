package io.hadeck.console.commands;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.condition.Condition;
import io.hadeck.model.ClusterSnapshot;
import picocli.CommandLine.Command;

@Command(name = "assert", mixinStandardHelpOptions = true,
        description = {"Check a condition against the cluster now; exit 1 (and stop a batch file) when it does not hold.",
                "Example: assert pg.primaries == 1 and lag(node-3) < 16MB"})
public class AssertCommand extends ConditionCommand {

    @Override
    public Integer call() {
        Condition c = condition();
        ClusterSnapshot s = snapshot();
        Condition.Result r = c.test(s);
        if (!r.met()) {
            throw new CommandException(ExitCode.UNHEALTHY, "assertion failed: " + c.text() + " (" + r.why() + ")");
        }
        out().println("ok: " + c.text() + " (" + r.why() + ")");
        out().flush();
        return ExitCode.OK;
    }
}
