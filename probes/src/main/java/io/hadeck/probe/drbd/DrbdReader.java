package io.hadeck.probe.drbd;

import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdStatus;
import io.hadeck.parse.DrbdKernelLogParser;
import io.hadeck.parse.DrbdText;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One node's DRBD state: {@code cat /proc/drbd}, and when that holds only the version (DRBD 9
 * keeps its state elsewhere) {@code drbdadm status}; then, when a resource does not talk to its
 * peer, the kernel log ({@code dmesg}), where DRBD says whether it detected a split-brain. Run
 * locally or over ssh.
 */
public class DrbdReader extends Probe<DrbdStatus> {

    static final List<String> PROC_DRBD = List.of("cat", "/proc/drbd");
    static final List<String> DRBDADM_STATUS = List.of("drbdadm", "status");
    /** Plain dmesg, filtered here: the DRBD lines may be anywhere in it, and hosts differ in their grep. */
    static final List<String> DMESG = List.of("dmesg");

    private final NodeTarget target;
    private final SshRunner ssh;

    public DrbdReader(NodeTarget target, SshRunner ssh, Duration timeout, Clock clock) {
        super(timeout, clock);
        this.target = target;
        this.ssh = ssh;
    }

    @Override
    protected DrbdStatus fetch() {
        String proc = runChecked(PROC_DRBD);
        DrbdStatus status = DrbdText.parse(onlyVersion(proc) ? runChecked(DRBDADM_STATUS) : proc);
        // Connected resources are past any split-brain: one ssh round trip less on every healthy poll.
        boolean quiet = status.resources().stream().allMatch(r -> r.talksToPeer() || r.unconfigured());
        return quiet ? status : status.withKernelLog(kernelLog());
    }

    /**
     * The kernel log within what is left of the read. Never fails the reading: dmesg is refused to
     * non-root users where kernel.dmesg_restrict=1, and the DRBD state is worth showing without it.
     */
    DrbdKernelLog kernelLog() {
        Duration left = budget();
        if (left.isZero()) {
            return DrbdKernelLog.unavailable("dmesg on " + target.node() + ": no time left in the read");
        }
        try {
            SshRunner.Result r = ssh.run(target, DMESG, left);
            return r.ok() ? DrbdKernelLogParser.parse(r.stdout())
                    : DrbdKernelLog.unavailable("dmesg on " + target.node() + ": " + r.failureText());
        } catch (ProbeException e) {
            return DrbdKernelLog.unavailable("dmesg on " + target.node() + ": " + e.getMessage());
        }
    }

    /** Within what is left of the read: two commands (DRBD 9) must not take twice the read timeout. */
    private String runChecked(List<String> command) {
        SshRunner.Result r = ssh.run(target, command, budget());
        if (!r.ok()) {
            throw new ProbeException(String.join(" ", command) + " on " + target.node() + ": " + r.failureText());
        }
        return r.stdout();
    }

    /** DRBD 9's /proc/drbd: a version line (and maybe GIT-hash), no resource lines. */
    static boolean onlyVersion(String proc) {
        return proc.lines().map(String::strip).filter(l -> !l.isEmpty())
                .allMatch(l -> l.startsWith("version:") || l.startsWith("GIT-hash:") || l.startsWith("Transports"));
    }
}
