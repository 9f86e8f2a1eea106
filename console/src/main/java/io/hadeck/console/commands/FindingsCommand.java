package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.StatusView;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Severity;
import picocli.CommandLine.Command;

@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"What an operator should know now, worst first, with the suggested action.",
                "Exit 0 none at warn or worse, 1 otherwise, 3 nothing reachable."})
public class FindingsCommand extends DataCommand {

    @Override
    public Integer call() {
        ClusterSnapshot s = snapshot();
        print(Result.of(ModelJson.findings(s.findings()), StatusView.findingsText(s.findings(), printer().style())));
        return exitFor(s, s.worst().atLeast(Severity.WARN) ? ExitCode.UNHEALTHY : ExitCode.OK);
    }
}
