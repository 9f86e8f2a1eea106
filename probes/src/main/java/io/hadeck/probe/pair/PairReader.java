package io.hadeck.probe.pair;

import io.hadeck.config.KeepalivedConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.PairNodeState;
import io.hadeck.parse.PairText;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.CommandBatch;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    protected PairNodeState fetch() {
        KeepalivedConfig k = node.keepalived();
        List<List<String>> asked = new ArrayList<>(List.of(NOTIFY, PS, ADDRESSES));
        if (k.mount() != null) {
            asked.add(List.of("findmnt", "-J", k.mount()));
        }
        if (!k.services().isEmpty()) {
            asked.add(isActive(k.services()));
        }
        // one login for all of them: on a loaded host the ssh login costs more than the five commands
        CommandBatch batch = new CommandBatch(asked);
        SshRunner.Result run = ssh.run(target, batch.argv(), budget());
        List<CommandBatch.Answer> a = batch.split(run);
        String record = stdout(a.get(0), run, 0, 1);
        String ps = stdout(a.get(1), run, 0, 1);
        String ip = stdout(a.get(2), run, 0);
        int next = 3;
        String mount = k.mount() == null ? "" : stdout(a.get(next++), run, 0, 1);
        String active = k.services().isEmpty() ? "" : stdout(a.get(next), run, 0, 3);
        return new PairNodeState(node.peer(), k.vip(), k.mount(), record.isBlank() ? null : PairText.notify(record),
                PairText.keepalived(ps), PairText.addresses(ip), PairText.mountTarget(mount),
                k.services().isEmpty() ? Map.of() : PairText.active(k.services(), active));
    }

    static List<String> isActive(List<String> units) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("systemctl", "is-active"), units.stream()).toList();
    }

    /** stdout of a command whose exit code is one of {@code fine} (grep-like commands say "none" with 1). */
    private String stdout(CommandBatch.Answer a, SshRunner.Result run, int... fine) {
        for (int f : fine) {
            if (a.exitCode() == f) {
                return a.stdout();
            }
        }
        String err = run.stderr().strip();
        throw new ProbeException(a.commandLine() + " on " + target.node() + ": exit " + a.exitCode()
                + (err.isEmpty() ? "" : ": " + err.lines().reduce((x, y) -> y).orElse("")));
    }
}
