package io.hadeck.console.commands;

import io.hadeck.console.commands.base.Repeat;
import io.hadeck.console.commands.base.DataCommand;
import io.hadeck.console.line.ExitCode;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Result;
import io.hadeck.diagnosis.OwnershipDiagnosis;
import io.hadeck.diagnosis.OwnershipProblem;
import io.hadeck.diagnosis.PairOwnership;
import io.hadeck.diagnosis.PairSide;
import io.hadeck.diagnosis.PeerEvidence;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NotifyRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Command(name = "pair", mixinStandardHelpOptions = true, description = "Legacy keepalived + DRBD pairs.",
        subcommands = {PairCommand.Status.class, io.hadeck.console.commands.action.PairHandoverCommand.class})
public class PairCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Who owns each pair (VRRP, VIP, DRBD, mount, services on one node) and each side's "
                    + "cluster-script steps as they happen: the ha-status of the Chef DRBD documents."})
    public static class Status extends DataCommand {
        @Option(names = "--watch", description = "Repeat until Ctrl-C.")
        boolean watch;

        @Option(names = "--interval", defaultValue = "1s", converter = DurationConverter.class,
                description = "With --watch: how often (default: ${DEFAULT-VALUE}).")
        Duration interval;

        @Override
        public Integer call() {
            return onceOrWatch(watch, interval, this::once);
        }

        private int once() {
            ClusterSnapshot s = snapshot();
            List<List<String>> pairs = PairOwnership.pairs(s);
            StringBuilder text = new StringBuilder();
            List<Object> out = new ArrayList<>();
            for (List<String> p : pairs) {
                OwnershipDiagnosis d = PairOwnership.diagnose(s, p.get(0), p.get(1));
                text.append(p.get(0)).append(" + ").append(p.get(1)).append(": ").append(d.headline()).append('\n');
                for (PairSide side : List.of(d.a(), d.b())) {
                    text.append("  ").append(side.node().equals(d.owner()) ? "* " : "  ").append(side.describe()).append('\n');
                    text.append("      steps: ").append(steps(side)).append('\n');
                }
                for (OwnershipProblem pr : d.problems()) {
                    text.append("  ").append(pr.severity().symbol()).append(' ').append(pr.issue()).append(": ")
                            .append(pr.message()).append('\n');
                    if (pr.action() != null) {
                        text.append("      → ").append(pr.action()).append('\n');
                    }
                }
                out.add(json(d));
            }
            print(Result.of(Obj.of().put("cluster", s.cluster()).put("pairs", out).map(),
                    pairs.isEmpty() ? "no keepalived pairs in cluster " + s.cluster() + "\n" : text.toString()));
            return exitFor(s, ExitCode.OK);
        }
    }

    static String steps(PairSide side) {
        if (!side.read()) {
            return "unknown";
        }
        NotifyRecord r = side.state().notifyRecord();
        return r == null ? "no notify record" : r.progress();
    }

    static Map<String, Object> json(OwnershipDiagnosis d) {
        List<Object> sides = new ArrayList<>();
        for (PairSide x : List.of(d.a(), d.b())) {
            Obj o = Obj.of().put("node", x.node()).put("owner", x.node().equals(d.owner())).put("read", x.read())
                    .put("error", x.problem());
            if (x.read()) {
                NotifyRecord r = x.state().notifyRecord();
                o.put("vrrp", x.vrrp().name()).put("keepalived", x.keepalived().name()).put("vip", x.holdsVip())
                        .put("drbdRoles", x.drbdRoles())
                        .put("drbd", x.drbd().stream().map(res -> (Object) Obj.of().put("resource", res.name()).put("role", res.role()).map()).toList())
                        .put("mounted", x.state().mountedOn())
                        .put("services", x.state().services())
                        .put("notify", r == null ? null : Obj.of().put("state", r.state().name())
                                .put("at", r.at() == null ? null : r.at().toString())
                                .put("steps", r.steps().stream().map(st -> (Object) Obj.of().put("step", st.name())
                                        .put("outcome", st.outcome()).put("detail", st.detail()).map()).toList())
                                .put("result", r.result()).put("reason", r.reason()).map());
            }
            sides.add(o.map());
        }
        List<Object> problems = d.problems().stream().map(p -> (Object) Obj.of().put("code", p.issue().name())
                .put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT)).put("nodes", p.nodes())
                .put("message", p.message()).put("action", p.action()).map()).toList();
        PeerEvidence e = d.peerEvidence();
        return Obj.of().put("nodes", List.of(d.a().node(), d.b().node())).put("owner", d.owner())
                .put("headline", d.headline()).put("sides", sides).put("problems", problems)
                .put("peerEvidence", e == null ? null : Obj.of().put("survivor", e.survivor()).put("silent", e.silent())
                        .put("verdict", e.verdict().name()).put("drbd", e.drbd()).put("vrrp", e.vrrp().name())
                        .put("vip", e.holdsVip()).put("reason", e.reason()).map()).map();
    }
}
