package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EsClusterHealth;
import picocli.CommandLine.Command;

@Command(name = "es", mixinStandardHelpOptions = true, description = "Elasticsearch views.",
        subcommands = EsCommand.Health.class)
public class EsCommand {

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "_cluster/health and the node list: status, shards, elected master, heap and disk.")
    public static class Health extends DataCommand {
        @Override
        public Integer call() {
            ClusterSnapshot s = snapshot();
            EsClusterHealth h = s.es() == null ? null : s.es().value();
            String text;
            if (h == null) {
                text = "elasticsearch: " + (s.es() == null ? "not configured" : "unreachable: " + s.es().error()) + "\n";
            } else {
                Table t = new Table("NAME", "IP", "ROLES", "MASTER", "HEAP%", "DISK%", "VERSION");
                h.nodeList().forEach(n -> t.row(n.name(), n.ip(), String.join(",", n.roles()), n.electedMaster() ? "*" : null,
                        n.heapPercent(), n.diskUsedPercent(), n.version()));
                text = "cluster " + h.clusterName() + ": " + h.status() + ", " + h.nodes() + " nodes (" + h.dataNodes()
                        + " data), shards " + h.activeShards() + " active, " + h.relocatingShards() + " relocating, "
                        + h.initializingShards() + " initializing, " + h.unassignedShards() + " unassigned\n" + t.render();
            }
            Object json = Obj.of().put("reachable", h != null).put("error", s.es() == null ? null : s.es().error())
                    .put("health", h == null ? null : ModelJson.es(h)).map();
            print(Result.of(json, text));
            return exitFor(s, ExitCode.OK);
        }
    }
}
