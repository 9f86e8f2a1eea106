package io.hadeck.probe.drbd;

import io.hadeck.model.DrbdStatus;
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
 * keeps its state elsewhere) {@code drbdadm status}. Run locally or over ssh.
 */
public class DrbdReader extends Probe<DrbdStatus> {

    static final List<String> PROC_DRBD = List.of("cat", "/proc/drbd");
    static final List<String> DRBDADM_STATUS = List.of("drbdadm", "status");

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
        return DrbdText.parse(onlyVersion(proc) ? runChecked(DRBDADM_STATUS) : proc);
    }

    private String runChecked(List<String> command) {
        SshRunner.Result r = ssh.run(target, command, timeout());
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
