package io.hadeck.console.output;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Whether any source answered: exit code 3 means "I could not see the cluster at all". */
public final class Reachability {

    private Reachability() {
    }

    public static boolean nothingReachable(ClusterSnapshot s) {
        List<Observation<?>> all = observations(s);
        return all.stream().noneMatch(Observation::isOk);
    }

    /** The first few errors, for the one line an unreachable cluster gets on stderr. */
    public static String firstErrors(ClusterSnapshot s, int max) {
        List<String> out = new ArrayList<>();
        for (NodeView n : s.nodes()) {
            Stream.of(n.etcd(), n.postgres(), n.elasticsearch(), n.drbd(), n.ha()).filter(Objects::nonNull)
                    .filter(o -> !o.isOk()).findFirst().ifPresent(o -> out.add(n.name() + ": " + o.error()));
        }
        return String.join("; ", out.subList(0, Math.min(max, out.size())));
    }

    private static List<Observation<?>> observations(ClusterSnapshot s) {
        List<Observation<?>> all = new ArrayList<>();
        Stream.of(s.etcd(), s.es(), s.ha()).filter(Objects::nonNull).forEach(all::add);
        for (NodeView n : s.nodes()) {
            Stream.of(n.etcd(), n.postgres(), n.elasticsearch(), n.drbd(), n.ha()).filter(Objects::nonNull).forEach(all::add);
        }
        return all;
    }
}
