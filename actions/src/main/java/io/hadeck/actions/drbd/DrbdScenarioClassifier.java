package io.hadeck.actions.drbd;

import io.hadeck.model.ClusterSnapshot;

/**
 * Names the scenario of a DRBD pair from both nodes' readings, with the reason. Pure.
 *
 * <p>Scenarios 1 and 2 of the Chef document differ in whether the lost secondary was synced; from
 * the surviving primary alone they look the same (WFConnection, oos growing), and the recovery is
 * the same (bring the secondary back, it resyncs). Scenario 2 is named when the resync shows.
 */
public final class DrbdScenarioClassifier {

    private DrbdScenarioClassifier() {
    }

    public static DrbdDiagnosis classify(ClusterSnapshot s, String a, String b, String resource) {
        return classify(side(s, a, resource), side(s, b, resource));
    }

    private static DrbdSide side(ClusterSnapshot s, String node, String resource) {
        return s.node(node).map(n -> DrbdSide.from(node, n.drbd(), resource))
                .orElseGet(() -> DrbdSide.unreachable(node, node + " is not in the snapshot"));
    }

    public static DrbdDiagnosis classify(DrbdSide a, DrbdSide b) {
        if (!a.up() && !b.up()) {
            return new DrbdDiagnosis(DrbdScenario.UNKNOWN, "neither node's DRBD can be read: " + a.describe() + "; "
                    + b.describe(), a, b);
        }
        if (!a.up() || !b.up()) {
            return oneLost(a, b);
        }
        String both = a.describe() + "; " + b.describe();
        if (a.resyncing() || b.resyncing()) {
            return new DrbdDiagnosis(DrbdScenario.RESYNCING, "a resync runs (" + both + "): no manual action is needed,"
                    + " wait for UpToDate/UpToDate", a, b);
        }
        if (!a.primary() && !b.primary() && "Secondary".equals(a.role()) && "Secondary".equals(b.role())) {
            return new DrbdDiagnosis(DrbdScenario.BOTH_SECONDARY, "both nodes are Secondary (" + both + "): promote the"
                    + " one with less out of sync", a, b);
        }
        if (!a.connected() && !b.connected()) {
            return new DrbdDiagnosis(DrbdScenario.SPLIT_BRAIN, "both nodes are up but not connected and "
                    + (a.primary() && b.primary() ? "both are Primary" : "one is Primary") + " (" + both + "): each side"
                    + " may hold writes the other lacks; choose the victim whose changes are discarded", a, b);
        }
        if (a.connected() && b.connected() && a.upToDate() && b.upToDate() && (a.primary() ^ b.primary())) {
            return new DrbdDiagnosis(DrbdScenario.HEALTHY, "Connected, UpToDate/UpToDate (" + both + ")", a, b);
        }
        return new DrbdDiagnosis(DrbdScenario.UNKNOWN, "a state the Chef document does not describe (" + both + ")", a, b);
    }

    private static DrbdDiagnosis oneLost(DrbdSide a, DrbdSide b) {
        DrbdSide up = a.up() ? a : b;
        DrbdSide lost = a.up() ? b : a;
        String both = up.describe() + "; " + lost.describe();
        if (up.primary()) {
            return new DrbdDiagnosis(DrbdScenario.SECONDARY_LOST, "the Primary " + up.node() + " runs without its peer ("
                    + both + "): bring " + lost.node() + " back and it resyncs from " + up.node()
                    + " (scenario 2 if it returns Inconsistent)", a, b);
        }
        if (up.upToDate()) {
            return new DrbdDiagnosis(DrbdScenario.PRIMARY_LOST, up.node() + " is Secondary and UpToDate while its peer is"
                    + " gone (" + both + "): it has all the data and can be promoted without loss", a, b);
        }
        return new DrbdDiagnosis(DrbdScenario.PRIMARY_LOST_INCONSISTENT, up.node() + " is Secondary and " + up.disk()
                + " while its peer is gone (" + both + "): promoting it needs primary --force and loses what it had not"
                + " received", a, b);
    }
}
