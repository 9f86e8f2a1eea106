package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.HaState;

import java.time.Duration;

/** What every Patroni runbook needs: the cluster, its manager, fresh readings and the limits. */
public record PatroniContext(ClusterConfig cluster, HaManager manager, FreshReadings readings, Duration deadline) {

    public ClusterConfig.Thresholds thresholds() {
        return cluster.thresholds() != null ? cluster.thresholds() : ClusterConfig.Thresholds.defaults();
    }

    ClusterSnapshot snapshot() {
        return readings.read();
    }

    /** The HA manager's own state; a snapshot's copy may be one poll old. */
    HaState ha() {
        return manager.state();
    }

    /** One or two sentences on the cluster now: primary, followers, leader key, failover setting. */
    String stateNow() {
        try {
            PgFacts f = new PgFacts(snapshot());
            String s = f.primarySentence();
            try {
                HaState ha = ha();
                s += "; leader key: " + (ha.leaderKeyHolder() == null ? "none" : ha.leaderKeyHolder());
                if (ha.leaderKeyHolder() == null) {
                    s += ha.clusterFailoverEnabled() ? " (Patroni is electing a new leader)"
                            : " and cluster failover is off (Patroni paused), so Patroni will not elect one: "
                            + "use force-leader NODE or set-cluster-failover on";
                }
            } catch (RuntimeException e) {
                s += "; " + manager.name() + " could not be read: " + e.getMessage();
            }
            return s;
        } catch (RuntimeException e) {
            return "the cluster could not be read: " + e.getMessage();
        }
    }

    /** Verified when {@code node} is the one primary, holds the leader key and {@code follower} (if any) streams from it. */
    Verdict primaryWithFollower(String node, String follower) {
        PgFacts f = new PgFacts(snapshot());
        String sentence = f.primarySentence();
        if (!f.isPrimary(node) || f.primaries().size() != 1) {
            return Verdict.notYet(sentence);
        }
        HaState ha = ha();
        sentence += "; leader key: " + (ha.leaderKeyHolder() == null ? "none" : ha.leaderKeyHolder());
        if (!node.equals(ha.leaderKeyHolder())) {
            return Verdict.notYet(sentence);
        }
        if (follower != null && f.streamsFrom(follower).filter(node::equals).isEmpty()) {
            return Verdict.notYet(sentence + " (" + follower + " does not stream from it yet)");
        }
        return Verdict.ok(sentence);
    }
}
