package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.IndentedText;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.StatusView;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Everything hadeck read from one node, with the findings that involve it.")
public class ShowCommand extends DataCommand {

    @Parameters(paramLabel = "NODE", description = "Node name (see: nodes).")
    String node;

    @Override
    public Integer call() {
        ClusterSnapshot s = snapshot();
        NodeView n = s.node(node).orElseThrow(() -> CommandException.usage("no node '" + node + "' in cluster "
                + s.cluster() + " (known: " + String.join(", ", s.nodes().stream().map(NodeView::name).toList()) + ")"));
        List<Finding> mine = s.findings().stream().filter(f -> f.nodes().contains(node)).toList();
        Map<String, Object> nodeJson = ModelJson.node(n);
        // People get the same tree as indented lines: one source of truth, no second renderer to drift.
        String text = IndentedText.of(nodeJson) + "\n" + StatusView.findingsText(mine, printer().style());
        print(Result.of(Obj.of().put("node", nodeJson).put("findings", ModelJson.findings(mine)).map(), text));
        return exitFor(s, ExitCode.OK);
    }
}
