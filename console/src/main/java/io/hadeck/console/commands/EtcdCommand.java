package io.hadeck.console.commands;

import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.units.Sizes;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.console.output.Table;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.model.NodeView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "etcd", mixinStandardHelpOptions = true, description = "etcd views.",
        subcommands = EtcdCommand.Members.class)
public class EtcdCommand {

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Each etcd member as its own endpoint answers: leader, raft term/index, DB size, alarms.")
    public static class Members extends DataCommand {
        @Override
        public Integer call() {
            ClusterSnapshot s = snapshot();
            EtcdCluster c = s.etcd() == null ? null : s.etcd().value();
            Table t = new Table("NODE", "MEMBER", "ID", "ENDPOINT", "LEADER", "TERM", "INDEX", "DB", "VERSION", "ALARMS", "ERROR");
            List<Object> members = new ArrayList<>();
            for (NodeView n : s.nodes()) {
                if (n.etcd() == null) {
                    continue;
                }
                EtcdMemberStatus m = n.etcd().value();
                t.row(n.name(), m == null ? null : m.name(), m == null ? null : m.id(), m == null ? null : m.endpoint(),
                        m == null ? null : (m.leader() ? "yes" : "no"), m == null ? null : m.raftTerm(),
                        m == null ? null : m.raftIndex(), m == null ? null : Sizes.bytes(m.dbSizeBytes()),
                        m == null ? null : m.version(), m == null ? null : String.join(",", m.alarms()), n.etcd().error());
                members.add(Obj.of().put("node", n.name()).put("reachable", m != null).put("error", n.etcd().error())
                        .put("id", m == null ? null : m.id()).put("name", m == null ? null : m.name())
                        .put("endpoint", m == null ? null : m.endpoint()).put("leader", m != null && m.leader())
                        .put("raftTerm", m == null ? null : m.raftTerm()).put("raftIndex", m == null ? null : m.raftIndex())
                        .put("dbSizeBytes", m == null ? null : m.dbSizeBytes()).put("version", m == null ? null : m.version())
                        .put("alarms", m == null ? List.of() : m.alarms()).map());
            }
            String head = c == null ? "etcd: " + (s.etcd() == null ? "not configured" : "unreachable: " + s.etcd().error())
                    : "etcd cluster " + c.clusterId() + ": " + c.healthy() + "/" + c.total() + " healthy, "
                    + (c.hasQuorum() ? "quorum" : "NO QUORUM");
            Object json = Obj.of().put("clusterId", c == null ? null : c.clusterId())
                    .put("healthy", c == null ? null : c.healthy()).put("total", c == null ? null : c.total())
                    .put("quorum", c != null && c.hasQuorum()).put("leaderId", c == null ? null : c.leaderId())
                    .put("error", s.etcd() == null ? null : s.etcd().error()).put("members", members).map();
            print(Result.of(json, head + "\n" + t.render()));
            return exitFor(s, ExitCode.OK);
        }
    }
}
