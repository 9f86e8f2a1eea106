package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.units.Sizes;
import io.hadeck.console.output.ModelJson;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;

@Command(name = "pg", mixinStandardHelpOptions = true, description = "PostgreSQL views.",
        subcommands = PgCommand.Replication.class)
public class PgCommand {

    @Command(name = "replication", mixinStandardHelpOptions = true,
            description = "Each PostgreSQL node's role, timeline, WAL positions and lag; the primary's pg_stat_replication.")
    public static class Replication extends DataCommand {
        @Override
        public Integer call() {
            ClusterSnapshot s = snapshot();
            Table t = new Table("NODE", "ROLE", "TL", "LSN", "RECEIVED", "REPLAYED", "LAG", "LAG_S", "RECEIVER", "ERROR");
            List<Object> nodes = new ArrayList<>();
            for (NodeView n : s.nodes()) {
                if (n.postgres() == null) {
                    continue;
                }
                PgInstance p = n.postgres().value();
                t.row(n.name(), p == null ? "down" : ModelJson.lower(p.role()), p == null ? null : p.timeline(),
                        p == null ? null : str(p.currentLsn()), p == null ? null : str(p.receivedLsn()),
                        p == null ? null : str(p.replayedLsn()),
                        p == null || p.lagBytes() == null ? null : Sizes.bytes(p.lagBytes()),
                        p == null ? null : p.lagSeconds(), p == null || p.walReceiver() == null ? null : p.walReceiver().status(),
                        n.postgres().error());
                nodes.add(Obj.of().put("node", n.name()).put("reachable", p != null).put("error", n.postgres().error())
                        .put("postgres", p == null ? null : ModelJson.pg(p)).map());
            }
            StringBuilder text = new StringBuilder(t.render());
            PgInstance primary = s.primary().map(n -> n.postgres().value()).orElse(null);
            if (primary != null && !primary.replication().isEmpty()) {
                Table r = new Table("STANDBY", "CLIENT", "STATE", "SYNC", "SENT", "REPLAY", "REPLAY_LAG_S");
                primary.replication().forEach(x -> r.row(x.applicationName(), x.clientAddr(), x.state(), x.syncState(),
                        str(x.sentLsn()), str(x.replayLsn()), x.replayLagSeconds()));
                text.append("\npg_stat_replication on ").append(s.primary().get().name()).append(":\n").append(r.render());
            }
            Object json = Obj.of().put("primary", s.primary().map(NodeView::name).orElse(null))
                    .put("primaries", s.primaries().stream().map(NodeView::name).toList())
                    .put("nodes", nodes).map();
            print(Result.of(json, text.toString()));
            return exitFor(s, ExitCode.OK);
        }

        private static String str(Object o) {
            return Objects.toString(o, null);
        }
    }
}
