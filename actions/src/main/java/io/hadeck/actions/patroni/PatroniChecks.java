package io.hadeck.actions.patroni;

import io.hadeck.units.Sizes;
import io.hadeck.actions.ha.HaManager;
import io.hadeck.actions.runbook.Check;
import io.hadeck.config.ClusterConfig;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.HaMember;
import io.hadeck.model.HaSettings;
import io.hadeck.model.HaState;
import io.hadeck.model.Lsn;
import io.hadeck.model.PgInstance;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The preflight checks the Patroni runbooks share, all asked of one snapshot; each says its
 * current value and why it passes or not. A check that needs Patroni's state fails when that
 * state could not be read: hadeck does not guess it.
 */
final class PatroniChecks {
    private final PgFacts facts;
    private final HaManager manager;
    private final ClusterConfig.Thresholds thresholds;

    PatroniChecks(PgFacts facts, HaManager manager, ClusterConfig.Thresholds thresholds) {
        this.facts = facts;
        this.manager = manager;
        this.thresholds = thresholds;
    }

    /**
     * The reason of a check that needs Patroni's state when it could not be read: why, what hadeck
     * cannot tell because of it, and what to do.
     */
    static String haUnknown(PgFacts facts, String cannotTell) {
        return facts.words().who() + "'s state could not be read (" + facts.haError() + "): hadeck cannot tell "
                + cannotTell + "; make " + facts.words().stateSource() + " answer from here, then plan again";
    }

    Check etcdQuorum() {
        Optional<EtcdCluster> e = facts.etcd();
        if (e.isEmpty()) {
            return Check.fail("etcd quorum", "unknown", "etcd could not be read (" + facts.etcdError()
                    + "): " + facts.words().who() + " cannot move its leader key without etcd");
        }
        String current = e.get().healthy() + "/" + e.get().total() + " members healthy";
        return e.get().hasQuorum() ? Check.pass("etcd quorum", current, "etcd has quorum")
                : Check.fail("etcd quorum", current, "etcd has no quorum (" + current
                + "): " + facts.words().who() + " cannot move its leader key; bring etcd members back first");
    }

    Check clusterFailoverEnabled() {
        if (facts.ha().isEmpty()) {
            return Check.fail("cluster failover", "unknown", haUnknown(facts, "whether cluster failover is on"));
        }
        return facts.ha().get().failover().enabled()
                ? Check.pass("cluster failover", "on", "automatic failover is enabled")
                : Check.fail("cluster failover", "off", "cluster failover is disabled ("
                + facts.words().clusterFailoverOff() + "): " + manager.howToEnableClusterFailover());
    }

    Check nodeFailoverAllowed(String node) {
        if (facts.ha().isEmpty()) {
            return Check.fail("node failover", "unknown", haUnknown(facts, "whether " + node + " may become leader"));
        }
        Optional<HaMember> m = facts.ha().get().member(node);
        if (m.isEmpty()) {
            return Check.fail("node failover", "not a member", node + " is not a member of the " + facts.words().who()
                    + " cluster (members: " + facts.ha().get().members().stream().map(HaMember::name)
                    .collect(Collectors.joining(", ")) + "): check that " + facts.words().who() + " runs on " + node
                    + " (hadeck status), then plan again");
        }
        return m.get().failoverAllowed() ? Check.pass("node failover", "allowed", node + " may become leader")
                : Check.fail("node failover", "off", node + " is excluded from failover ("
                + facts.words().nodeExcludedBy() + "): hadeck set-node-failover " + node + " on");
    }

    Check streamsFromPrimary(String candidate, String primary) {
        Optional<PgInstance> pg = facts.pg(candidate);
        if (pg.isEmpty()) {
            return Check.fail("candidate streaming", "unreachable", "PostgreSQL on " + candidate + " could not be read ("
                    + facts.pgError(candidate) + "): make it answer, then plan again");
        }
        if (pg.get().isPrimary()) {
            return Check.fail("candidate streaming", "primary", candidate + " is already a primary");
        }
        Optional<String> from = facts.streamsFrom(candidate);
        String current = from.map(f -> "streaming from " + f).orElseGet(() -> "not streaming (WAL receiver: "
                + (pg.get().walReceiver() == null ? "none" : pg.get().walReceiver().status()) + ")");
        if (from.isPresent() && from.get().equals(primary)) {
            return Check.pass("candidate streaming", current, candidate + " streams from the primary " + primary);
        }
        return Check.fail("candidate streaming", current, candidate + " does not stream from the primary " + primary
                + ": it would start as primary without the latest changes");
    }

    Check lagWithinLimit(String candidate) {
        Optional<PgInstance> pg = facts.pg(candidate);
        Long lag = pg.map(PgInstance::lagBytes).orElse(null);
        String limit = Sizes.bytes(thresholds.lagWarnBytes());
        if (lag == null) {
            return Check.fail("candidate lag", "unknown", "the lag of " + candidate + " is unknown (limit " + limit
                    + "): wait until it streams from the primary, then plan again");
        }
        String current = Sizes.bytes(lag) + " behind" + (pg.get().replayPaused() ? " (replay paused)" : "");
        return lag <= thresholds.lagWarnBytes()
                ? Check.pass("candidate lag", current, "within the limit of " + limit)
                : Check.fail("candidate lag", current, candidate + " lags " + Sizes.bytes(lag) + " behind (limit " + limit
                + ", thresholds.lagWarn)" + (pg.get().replayPaused() ? "; its WAL replay is paused" : ""));
    }

    Check singlePrimary(String expected) {
        var p = facts.primaries();
        String current = p.isEmpty() ? "none" : String.join(", ", p);
        if (p.size() != 1) {
            return Check.fail("primary", current, p.isEmpty() ? "there is no primary to switch over from: use force-leader"
                    : "more than one writable primary (" + current + "): resolve the split-brain first");
        }
        if (expected != null && !p.get(0).equals(expected)) {
            return Check.fail("primary", current, expected + " is not the primary (" + current + " is): nothing to"
                    + " demote; to move the primary role away from " + current + ": hadeck demote " + current);
        }
        return Check.pass("primary", current, current + " is the one primary");
    }

    /**
     * Patroni's own verdict on a switchover to {@code candidate}, predicted before anything is sent
     * (Patroni 3.0.2, api.py is_failover_possible and ha.py is_failover_possible): the candidate's
     * tags (nofailover; failover_priority 0 in newer Patroni), the synchronous standby in synchronous
     * mode, the leader's position as recorded in etcd at its last loop against the candidate's live
     * position (maximum_lag_on_failover), and its timeline (check_timeline). Patroni judges the
     * recorded position, not the live lag: a candidate can be refused while it shows lag 0.
     */
    Check patroniVerdict(String candidate) {
        String name = "Patroni's verdict";
        if (facts.ha().isEmpty()) {
            return Check.fail(name, "unknown", haUnknown(facts, "what Patroni will say"));
        }
        HaState ha = facts.ha().get();
        HaSettings st = ha.settings();
        if (st == null) {
            return Check.pass(name, "not predicted", "Patroni's settings could not be read from etcd: hadeck cannot"
                    + " predict Patroni's answer; Patroni decides when asked");
        }
        java.util.Map<String, String> tags = ha.member(candidate).map(HaMember::tags).orElse(java.util.Map.of());
        String settings = "maximum_lag_on_failover " + Sizes.bytes(st.maximumLagOnFailover()) + ", loop_wait "
                + st.loopWait() + " s, ttl " + st.ttl() + " s" + (st.synchronousMode() ? ", synchronous_mode"
                + (st.synchronousModeStrict() ? "_strict" : "") + " (sync standby: "
                + (st.syncStandby() == null ? "none" : st.syncStandby()) + ")" : "") + (st.checkTimeline() ? ", check_timeline" : "");
        boolean nofailover = ha.member(candidate).map(m -> !m.failoverAllowed()).orElse(false);
        if (nofailover || "0".equals(tags.get("failover_priority"))) {
            return Check.fail(name, "refuses", "Patroni will refuse: " + candidate + " is tagged "
                    + (nofailover ? "nofailover" : "failover_priority 0")
                    + " (Patroni answers \"switchover is not possible: no good candidates have been found\")");
        }
        if (st.synchronousMode() && (st.syncStandby() == null || !java.util.Arrays.asList(st.syncStandby().split(","))
                .contains(candidate))) {
            return Check.fail(name, "refuses", "Patroni will refuse: synchronous_mode is on and " + candidate + " is not"
                    + " the synchronous standby (" + (st.syncStandby() == null ? "none is" : st.syncStandby() + " is")
                    + (("true".equals(tags.get("nosync"))) ? "; " + candidate + " is tagged nosync" : "")
                    + "): Patroni answers \"candidate name does not match with sync_standby\"");
        }
        Optional<PgInstance> pg = facts.pg(candidate);
        Lsn live = pg.map(p -> max(p.receivedLsn(), p.replayedLsn())).orElse(null);
        if (st.leaderOptime() != null && live != null) {
            long behind = st.leaderOptime().minus(live);
            if (behind > st.maximumLagOnFailover()) {
                Long liveLag = pg.get().lagBytes();
                return Check.fail(name, "refuses", "Patroni will refuse: " + candidate + " is at " + live + ", "
                        + Sizes.bytes(behind) + " behind the leader's position recorded in etcd (" + st.leaderOptime()
                        + "), limit " + Sizes.bytes(st.maximumLagOnFailover()) + " (maximum_lag_on_failover); its live lag is "
                        + (liveLag == null ? "unknown" : Sizes.bytes(liveLag)) + " — retry after one loop ("
                        + st.loopWait() + " s)");
            }
        }
        Integer tl = pg.map(PgInstance::timeline).orElse(null);
        Integer leaderTl = facts.primaries().size() == 1 ? facts.pg(facts.primaries().get(0)).map(PgInstance::timeline)
                .orElse(null) : null;
        if (st.checkTimeline() && tl != null && leaderTl != null && tl < leaderTl) {
            return Check.fail(name, "refuses", "Patroni will refuse: check_timeline is on and " + candidate + " is on"
                    + " timeline " + tl + ", behind the cluster's " + leaderTl);
        }
        return Check.pass(name, "accepts", "Patroni will accept " + candidate + " (" + settings + ")");
    }

    private static Lsn max(Lsn a, Lsn b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
