package io.hadeck.findings;

import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives what an operator should know from one snapshot. Pure: "now" is the snapshot's time, and
 * only fresh, good readings count as current truth (see {@link io.hadeck.model.Observation#fresh}).
 */
public final class FindingsEngine {

    private static final List<Rules> RULES = List.of(new PostgresRules(), new HaRules(), new EtcdRules(),
            new ElasticsearchRules(), new DrbdRules(), new PairRules(), new FreshnessRules(), new ChefRules());

    /** Worst first, then by code: the order every view shows. */
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::code);

    private FindingsEngine() {
    }

    /** The snapshot's findings plus what the cluster's configuration says (INSECURE_TRANSPORT). */
    public static List<Finding> derive(ClusterSnapshot s, ClusterConfig cluster) {
        List<Finding> out = new ArrayList<>(derive(s, cluster.thresholds()));
        out.addAll(InsecureTransportRules.of(cluster));
        out.sort(ORDER);
        return List.copyOf(out);
    }

    public static List<Finding> derive(ClusterSnapshot s, ClusterConfig.Thresholds t) {
        ClusterConfig.Thresholds thresholds = t == null ? ClusterConfig.Thresholds.defaults() : t;
        Facts facts = new Facts(s, thresholds);
        List<Finding> out = new ArrayList<>();
        for (Rules r : RULES) {
            out.addAll(r.apply(facts));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }
}
