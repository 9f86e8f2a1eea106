package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "The cluster's nodes: the layers each runs and which of them answered.")
public class NodesCommand extends DataCommand {

    @Override
    public Integer call() {
        ClusterSnapshot s = snapshot();
        List<Object> json = new ArrayList<>();
        Table t = new Table("NODE", "HOST", "LAYERS", "UNREACHABLE");
        for (NodeView n : s.nodes()) {
            Map<String, Observation<?>> layers = layers(n);
            List<String> runs = new ArrayList<>(layers.keySet());
            List<String> down = layers.entrySet().stream().filter(e -> !e.getValue().isOk()).map(Map.Entry::getKey).toList();
            t.row(n.name(), n.host(), String.join(",", runs), String.join(",", down));
            json.add(Obj.of().put("name", n.name()).put("host", n.host()).put("layers", runs)
                    .put("unreachable", down).put("reachable", down.size() < runs.size() || runs.isEmpty()).map());
        }
        print(Result.of(json, t.render()));
        return exitFor(s, ExitCode.OK);
    }

    /** Layers the node runs (non-null observations), in a fixed order. */
    static Map<String, Observation<?>> layers(NodeView n) {
        Map<String, Observation<?>> m = new LinkedHashMap<>();
        put(m, "etcd", n.etcd());
        put(m, "postgres", n.postgres());
        put(m, "elasticsearch", n.elasticsearch());
        put(m, "drbd", n.drbd());
        put(m, "ha", n.ha());
        return m;
    }

    private static void put(Map<String, Observation<?>> m, String name, Observation<?> o) {
        if (o != null) {
            m.put(name, o);
        }
    }
}
