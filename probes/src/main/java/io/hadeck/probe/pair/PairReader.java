package io.hadeck.probe.pair;

import io.hadeck.config.KeepalivedConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.PairNodeState;
import io.hadeck.parse.PairText;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ownership layer of one legacy pair node, read-only, each part a command an operator runs by
 * hand: keepalived's notify record (its VRRP state and the cluster script's steps), keepalived's
 * processes ({@code ps}: running, frozen or gone), the node's addresses ({@code ip -j addr}: the
 * VIP), the DRBD device's mount ({@code findmnt -J}) and the services ({@code systemctl is-active}).
 *
 * <p>The VRRP state comes from the notify record, not keepalived's state dump: the dump needs a
 * signal to the root-owned keepalived (SIGUSR1) and lands in one fixed file, and a frozen
 * keepalived cannot write it, while the record is what the cluster script itself did, step by
 * step, and is readable by an unprivileged login. Its blind spot — a hung keepalived's record still
 * says MASTER — is covered by the {@code ps} reading (STAT T) and the addresses.
 */
public class PairReader extends Probe<PairNodeState> {

    public static final List<String> NOTIFY = List.of("cat", "/run/keepalived/VI_1.notify");
    public static final List<String> PS = List.of("ps", "-o", "pid,stat,etimes,args", "-C", "keepalived");
    public static final List<String> ADDRESSES = List.of("ip", "-j", "addr", "show");

    private final NodeTarget target;
    private final SshRunner ssh;
    private final NodeConfig node;

    public PairReader(NodeTarget target, SshRunner ssh, NodeConfig node, Duration timeout, Clock clock) {
        super(timeout, clock);
        this.target = target;
        this.ssh = ssh;
        this.node = node;
    }

    @Override
    protected PairNodeState fetch() throws Exception {
        KeepalivedConfig k = node.keepalived();
        // five short commands at once: one ssh round trip of latency, not five, on a loaded host
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> notify = pool.submit(() -> run(NOTIFY, Set.of(0, 1)));
            Future<String> ps = pool.submit(() -> run(PS, Set.of(0, 1)));
            Future<String> ip = pool.submit(() -> run(ADDRESSES, Set.of(0)));
            Future<String> mount = pool.submit(() -> k.mount() == null ? "" : run(List.of("findmnt", "-J", k.mount()), Set.of(0, 1)));
            Future<String> active = pool.submit(() -> k.services().isEmpty() ? "" : run(isActive(k.services()), Set.of(0, 3)));
            String record = get(notify);
            return new PairNodeState(node.peer(), k.vip(), k.mount(), record.isBlank() ? null : PairText.notify(record),
                    PairText.keepalived(get(ps)), PairText.addresses(get(ip)), PairText.mountTarget(get(mount)),
                    k.services().isEmpty() ? Map.of() : PairText.active(k.services(), get(active)));
        }
    }

    /** The command's output, or its own failure (not the executor's wrapper) for the observation's text. */
    private static String get(Future<String> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    static List<String> isActive(List<String> units) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("systemctl", "is-active"), units.stream()).toList();
    }

    /** stdout of a command whose exit code is one of {@code fine} (grep-like commands say "none" with 1). */
    private String run(List<String> command, Set<Integer> fine) {
        SshRunner.Result r = ssh.run(target, command, budget());
        if (!fine.contains(r.exitCode())) {
            throw new ProbeException(String.join(" ", command) + " on " + target.node() + ": " + r.failureText());
        }
        return r.stdout();
    }
}
