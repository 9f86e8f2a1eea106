package io.hadeck.actions.patroni;

import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.runbook.FreshReadings;
import io.hadeck.actions.runbook.Verdict;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.HaState;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What every Patroni runbook needs: the cluster, its manager (for the moves only), fresh readings
 * and the limits. Every question about the cluster, Patroni's leader key included, is asked of one
 * fresh snapshot (the same readers and mapping as the screen), never of the manager.
 */
public record PatroniContext(ClusterConfig cluster, HaManager manager, FreshReadings readings, Duration deadline) {

    public ClusterConfig.Thresholds thresholds() {
        return cluster.thresholds() != null ? cluster.thresholds() : ClusterConfig.Thresholds.defaults();
    }

    /** One fresh read of the whole cluster: PostgreSQL, etcd and Patroni together. */
    PgFacts read() {
        return new PgFacts(readings.read(), manager.words());
    }

    /** One or two sentences on the cluster now: primary, followers, leader key, failover setting. */
    String stateNow() {
        try {
            PgFacts f = read();
            return f.primarySentence() + "; " + leaderSentence(f);
        } catch (RuntimeException e) {
            return "the cluster could not be read: " + e.getMessage();
        }
    }

    /** "leader key: node-2", or why nobody holds it, or why it is unknown. */
    static String leaderSentence(PgFacts f) {
        Optional<HaState> ha = f.ha();
        if (ha.isEmpty()) {
            return f.words().who() + "'s state could not be read (" + f.haError() + ")";
        }
        String holder = ha.get().leader().holder();
        if (holder != null) {
            return "leader key: " + holder;
        }
        String who = f.words().who();
        return "leader key: none" + (ha.get().failover().enabled() ? " (" + who + " is electing a new leader)"
                : " and cluster failover is off (" + f.words().clusterFailoverOff() + "), so " + who + " will not elect one: "
                + "use force-leader NODE or set-cluster-failover on");
    }

    /** Verified when one node other than {@code old} is the one primary, holds the leader key and {@code old} streams from it. */
    Verdict anotherPrimaryWithFollower(String old) {
        PgFacts f = read();
        List<String> p = f.primaries();
        if (p.size() != 1 || p.get(0).equals(old)) {
            return Verdict.notYet(f.primarySentence());
        }
        return primaryWithFollower(p.get(0), old);
    }

    /** Verified when {@code node} is the one primary, holds the leader key and {@code follower} (if any) streams from it. */
    Verdict primaryWithFollower(String node, String follower) {
        return primaryWithFollower(read(), node, follower);
    }

    /** As {@link #primaryWithFollower(String, String)}, asked of a snapshot already read. */
    static Verdict primaryWithFollower(PgFacts f, String node, String follower) {
        String sentence = f.primarySentence();
        if (!f.isPrimary(node) || f.primaries().size() != 1) {
            return Verdict.notYet(sentence);
        }
        sentence += "; " + leaderSentence(f);
        if (!f.leaderKeyHolder().filter(node::equals).isPresent()) {
            return Verdict.notYet(sentence);
        }
        if (follower != null && f.streamsFrom(follower).filter(node::equals).isEmpty()) {
            return Verdict.notYet(sentence + " (" + follower + " does not stream from it yet)");
        }
        return Verdict.ok(sentence);
    }
}
