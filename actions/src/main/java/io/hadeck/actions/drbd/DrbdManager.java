package io.hadeck.actions.drbd;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.ha.Call;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * drbdadm on each node of a pair over ssh: the verbs of the Chef document and LINBIT's split-brain
 * procedure, and a reading of one node through {@code drbdadm role|cstate|dstate} (the same words
 * on DRBD 8.4 and 9) plus the out-of-sync amount from /proc/drbd where 8.4 shows it.
 */
public final class DrbdManager {
    private static final Pattern OOS = Pattern.compile("\\boos:(\\d+)");
    /** What drbdadm says on a node where the resource is not up (8.4 and 9 wording). */
    private static final Pattern NOT_UP = Pattern.compile("minor not allocated|No such resource|Unconfigured|not defined");

    private final ClusterConfig cluster;
    private final RemoteShell shell;
    private final Duration timeout;

    public DrbdManager(ClusterConfig cluster, RemoteShell shell) {
        this.cluster = cluster;
        this.shell = shell;
        this.timeout = Duration.ofSeconds(10);
    }

    public String resource(String node) {
        List<String> r = node(node).drbdResources();
        if (r.isEmpty()) {
            throw new ActionException(node + " runs no DRBD resource in the configuration");
        }
        return r.get(0);
    }

    /** {@code drbdadm VERB [FLAGS…] RESOURCE} on the node, e.g. verb("drbd-b", "connect", "--discard-my-data"). */
    public Call verb(String node, String verb, String... flags) {
        NodeConfig n = node(node);
        List<String> argv = new ArrayList<>(List.of("drbdadm", verb));
        argv.addAll(List.of(flags));
        argv.add(resource(node));
        return new Call(shell.describe(n, argv), () -> {
            ShellResult r = shell.run(n, argv, timeout);
            if (!r.ok()) {
                throw new ActionException(String.join(" ", argv) + " on " + node + " failed (exit " + r.exitCode() + "): "
                        + r.firstLine());
            }
            return r.stdout().strip().isEmpty() ? "ok" : r.stdout().strip().replace('\n', ' ');
        });
    }

    /** A fresh reading of one node; never throws: an unreadable node is a side that is not up. */
    public DrbdSide read(String node) {
        NodeConfig n = node(node);
        String res = resource(node);
        ShellResult role;
        try {
            role = shell.run(n, List.of("drbdadm", "role", res), timeout);
        } catch (ActionException e) {
            return DrbdSide.unreachable(node, e.getMessage());
        }
        if (role.exitCode() == 255) {
            return DrbdSide.unreachable(node, "ssh to " + node + " failed: " + role.firstLine());
        }
        if (!role.ok()) {
            if (NOT_UP.matcher(role.stderr() + role.stdout()).find()) {
                return DrbdSide.notRunning(node, "DRBD is not running on " + node + " (cs:Unconfigured)");
            }
            return DrbdSide.unreachable(node, "drbdadm role on " + node + ": " + role.firstLine());
        }
        String[] roles = role.stdout().strip().split("/");
        String cstate = ask(n, List.of("drbdadm", "cstate", res));
        String[] disks = ask(n, List.of("drbdadm", "dstate", res)).split("/");
        long oos = outOfSync(ask(n, List.of("cat", "/proc/drbd")));
        String peerRole = roles.length > 1 ? roles[1] : "Unknown";
        return new DrbdSide(node, true, true, roles[0], peerRole, cstate, disks[0], disks.length > 1 ? disks[1] : "DUnknown",
                oos, null);
    }

    /** The 8.4 /proc/drbd oos counter; -1 on DRBD 9, whose /proc/drbd holds only the version. */
    static long outOfSync(String procDrbd) {
        Matcher m = OOS.matcher(procDrbd);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String ask(NodeConfig n, List<String> argv) {
        ShellResult r = shell.run(n, argv, timeout);
        return r.ok() ? r.stdout().strip() : "";
    }

    private NodeConfig node(String name) {
        return cluster.node(name).orElseThrow(() -> new ActionException("no node named " + name + " in cluster "
                + cluster.name()));
    }
}
