package io.hadeck.console.tui;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.List;

/** How bad things are on one node: its findings, plus failed or stale readings. */
public final class NodeStatus {
    private NodeStatus() {
    }

    public static Severity of(NodeView n, ClusterSnapshot s, RenderContext c) {
        Severity worst = Severity.OK;
        for (Finding f : s.findings()) {
            if (f.nodes().contains(n.name()) && f.severity().compareTo(worst) > 0) {
                worst = f.severity();
            }
        }
        List<Observation<?>> obs = observations(n);
        long failed = obs.stream().filter(o -> !o.isOk()).count();
        if (!obs.isEmpty() && failed == obs.size()) {
            return Severity.CRIT;
        }
        boolean stale = obs.stream().anyMatch(o -> o.isOk() && o.isStale(c.now(), c.thresholds().stale()));
        if ((failed > 0 || stale) && worst.compareTo(Severity.WARN) < 0) {
            worst = Severity.WARN;
        }
        return worst;
    }

    /** More than one node answered that it accepts writes: each of them is shouted, not just listed. */
    public static boolean splitBrain(ClusterSnapshot s) {
        return s.primaries().size() > 1;
    }

    /** Every layer failed: the whole node is unreachable; the first error says why. */
    public static String unreachable(NodeView n) {
        List<Observation<?>> obs = observations(n);
        if (obs.isEmpty() || obs.stream().anyMatch(Observation::isOk)) {
            return null;
        }
        return obs.get(0).error();
    }

    static List<Observation<?>> observations(NodeView n) {
        List<Observation<?>> all = new ArrayList<>();
        for (Observation<?> o : new Observation<?>[] {n.ha(), n.postgres(), n.etcd(), n.elasticsearch(), n.drbd(), n.pair()}) {
            if (o != null) {
                all.add(o);
            }
        }
        return all;
    }
}
