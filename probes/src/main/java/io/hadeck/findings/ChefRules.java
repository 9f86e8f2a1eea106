package io.hadeck.findings;

import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.Finding;
import io.hadeck.model.HaState;
import io.hadeck.model.NodeView;
import io.hadeck.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chef Backend seeds' checks, from what each backend node reported about itself: its services
 * (chef-backend-ctl status), leaderl's counts, the ports it reaches on its peers, its clock, and
 * whether it holds the backend VIP.
 */
final class ChefRules implements Rules {
    /** Seeds 000/001: "Drift of less than 1.5 seconds must exist across all nodes in the backend HA cluster." */
    static final double CLOCK_LIMIT_SECONDS = 1.5;

    @Override
    public List<Finding> apply(Facts f) {
        Map<NodeView, ChefNodeChecks> read = new LinkedHashMap<>();
        for (NodeView n : f.nodes()) {
            f.fresh(n.chef()).ifPresent(c -> read.put(n, c));
        }
        if (read.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        read.forEach((n, c) -> c.services().stream().filter(s -> !s.running()).forEach(s -> out.add(new Finding(
                Severity.WARN, "CHEF_SERVICE_DOWN", List.of(n.name()), "chef-backend-ctl status on " + n.name() + ": "
                + s.name() + " is not running.", "Look at " + s.name() + "'s log on " + n.name()
                + " and start it (chef-backend-ctl start " + s.name() + ")."))));
        read.entrySet().stream().filter(e -> e.getValue().leaderl() != null && !e.getValue().leaderl().settled())
                .findFirst().ifPresent(e -> out.add(new Finding(Severity.WARN, "LEADERL_UNSETTLED",
                        List.of(e.getKey().name()), "leaderl on " + e.getKey().name() + " counts " + e.getValue().leaderl()
                        + ": not one leader with every other node following.", "chef-backend-ctl cluster-status shows"
                        + " which node waits; a leader election settles within leaderl's TTL (30 s).")));
        ports(read, out);
        clock(read).ifPresent(out::add);
        vip(f, read).ifPresent(out::add);
        return out;
    }

    private static void ports(Map<NodeView, ChefNodeChecks> read, List<Finding> out) {
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        Map<String, ChefNodeChecks.Port> what = new LinkedHashMap<>();
        read.forEach((n, c) -> c.closedPorts().forEach(p -> {
            String key = p.node() + ":" + p.port();
            blocked.computeIfAbsent(key, k -> new ArrayList<>()).add(n.name());
            what.put(key, p);
        }));
        blocked.forEach((key, from) -> {
            ChefNodeChecks.Port p = what.get(key);
            List<String> nodes = new ArrayList<>(from);
            nodes.add(p.node());
            out.add(new Finding(Severity.WARN, "PORT_UNREACHABLE", nodes, Words.names(from) + " cannot reach "
                    + p.node() + " on TCP " + p.port() + " (" + p.service() + "), a port backend nodes need between them.",
                    "Check " + p.service() + " on " + p.node() + " and any firewall between the nodes (seed: peer"
                            + " communication needs 2379, 2380, 5432, 7331, 9200-9400)."));
        });
    }

    private static Optional<Finding> clock(Map<NodeView, ChefNodeChecks> read) {
        List<Map.Entry<NodeView, ChefNodeChecks>> timed = read.entrySet().stream()
                .filter(e -> e.getValue().clockOffsetSeconds() != null)
                .sorted(Comparator.comparing(e -> e.getValue().clockOffsetSeconds())).toList();
        if (timed.size() < 2) {
            return Optional.empty();
        }
        ChefNodeChecks behind = timed.get(0).getValue();
        ChefNodeChecks ahead = timed.get(timed.size() - 1).getValue();
        double drift = ahead.clockOffsetSeconds() - behind.clockOffsetSeconds();
        double slack = ahead.clockUncertaintySeconds() + behind.clockUncertaintySeconds();
        if (drift - slack <= CLOCK_LIMIT_SECONDS) {
            return Optional.empty();
        }
        String a = timed.get(timed.size() - 1).getKey().name();
        String b = timed.get(0).getKey().name();
        return Optional.of(new Finding(Severity.WARN, "CLOCK_DRIFT", List.of(a, b), a + "'s clock is "
                + Words.seconds(drift) + " ahead of " + b + "'s (± " + Words.seconds(slack) + "; the backend nodes must"
                + " agree within " + CLOCK_LIMIT_SECONDS + " s).", "Fix time synchronisation (NTP/chrony) on " + a
                + " and " + b + ": leaderl's leader lease and etcd depend on agreeing clocks."));
    }

    private static Optional<Finding> vip(Facts f, Map<NodeView, ChefNodeChecks> read) {
        String leader = f.haState().map(h -> h.leader().holder()).orElse(null);
        if (leader == null || read.values().stream().allMatch(c -> c.holdsVip() == null)) {
            return Optional.empty();
        }
        List<String> holders = read.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue().holdsVip()))
                .map(e -> e.getKey().name()).toList();
        if (holders.equals(List.of(leader))) {
            return Optional.empty();
        }
        List<String> nodes = new ArrayList<>(holders);
        if (!nodes.contains(leader)) {
            nodes.add(leader);
        }
        String where = holders.isEmpty() ? "no backend node holds the backend VIP" : "the backend VIP is on "
                + Words.names(holders);
        return Optional.of(new Finding(Severity.CRIT, "VIP_NOT_ON_LEADER", nodes, where + " but the leader is " + leader
                + ": frontends reach " + (holders.isEmpty() ? "no backend" : "a node that is not the leader") + ".",
                "Check leaderl on " + leader + " (chef-backend-ctl status) and remove the VIP from "
                        + (holders.isEmpty() ? "any other node" : Words.names(holders)) + " if leaderl does not."));
    }
}
