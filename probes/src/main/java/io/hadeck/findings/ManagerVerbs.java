package io.hadeck.findings;

import io.hadeck.model.HaManagerKind;
import io.hadeck.model.HaState;

/**
 * The HA manager's own commands for the advice of a finding: patronictl for Patroni,
 * chef-backend-ctl for Chef Backend, both when the manager's state could not be read.
 */
enum ManagerVerbs {
    PATRONI("patronictl list", "patronictl reinit", "Patroni"),
    CHEF_BACKEND("chef-backend-ctl status", "chef-backend-ctl remove-node, then join-cluster", "leaderl"),
    UNKNOWN("patronictl list or chef-backend-ctl status", "patronictl reinit or chef-backend-ctl join-cluster",
            "the HA manager");

    final String list;
    final String rejoin;
    final String who;

    ManagerVerbs(String list, String rejoin, String who) {
        this.list = list;
        this.rejoin = rejoin;
        this.who = who;
    }

    static ManagerVerbs of(Facts f) {
        return f.haState().map(ManagerVerbs::of).orElse(UNKNOWN);
    }

    static ManagerVerbs of(HaState ha) {
        return ha.manager() == HaManagerKind.CHEF_BACKEND ? CHEF_BACKEND : PATRONI;
    }
}
