package io.hadeck.probe.drbd;

import io.hadeck.model.DrbdConfig;
import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import io.hadeck.parse.Drbd9StatusParser;
import io.hadeck.parse.DrbdDumpParser;
import io.hadeck.parse.DrbdKernelLogParser;
import io.hadeck.parse.DrbdText;
import io.hadeck.parse.ParseException;
import io.hadeck.probe.Probe;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.ssh.CommandBatch;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One node's DRBD state: {@code cat /proc/drbd}, and when that holds only the version (DRBD 9
 * keeps its state elsewhere) {@code drbdadm status}; then, when a resource does not talk to its
 * peer, the kernel log ({@code dmesg}), where DRBD says whether it detected a split-brain. Run
 * locally or over ssh.
 *
 * <p>What the last reading needed is asked in one login ({@link CommandBatch}): a node that was
 * not quiet (and a reader's first reading, as a runbook's fresh read is) gets its kernel log with
 * its DRBD text, a DRBD 9 node its {@code drbdadm status}. On a loaded host a second login took
 * what was left of the read, the kernel log came back "no time left" in one reading and whole in
 * the next, and a runbook's re-read saw a split-brain "appear" and stopped.
 *
 * <p>The configuration ({@code drbdadm dump}: the split-brain policies) changes rarely: it rides
 * along in the same login on the first reading, then every {@link #CONFIG_EVERY} and when the set of
 * resources the node shows changed since it was read. Its failure never fails the reading.
 */
public class DrbdReader extends Probe<DrbdStatus> {

    static final List<String> PROC_DRBD = List.of("cat", "/proc/drbd");
    static final List<String> DRBDADM_STATUS = List.of("drbdadm", "status");
    /** Plain dmesg, filtered here: the DRBD lines may be anywhere in it, and hosts differ in their grep. */
    static final List<String> DMESG = List.of("dmesg");
    /** The whole configuration as drbdadm understood it (both drbd-utils' v84 and v9 print the same shape). */
    static final List<String> DRBDADM_DUMP = List.of("drbdadm", "dump", "all");
    /** How old the configuration may get before it is read again. */
    static final Duration CONFIG_EVERY = Duration.ofMinutes(10);

    private final NodeTarget target;
    private final SshRunner ssh;
    /** The last reading was quiet (every resource talks to its peer): the next asks no kernel log along. */
    private volatile boolean lastQuiet;
    /** The last reading was DRBD 9 (null before the first): the next asks drbdadm status along. */
    private volatile Boolean lastNine;
    /** The configuration last read (null before the first) and the resources the node showed then. */
    private volatile DrbdConfig lastConfig;
    private volatile Set<String> configuredFor = Set.of();

    public DrbdReader(NodeTarget target, SshRunner ssh, Duration timeout, Clock clock) {
        super(timeout, clock);
        this.target = target;
        this.ssh = ssh;
    }

    @Override
    protected DrbdStatus fetch() {
        List<List<String>> asked = new ArrayList<>(List.of(PROC_DRBD));
        if (!Boolean.FALSE.equals(lastNine)) {
            asked.add(DRBDADM_STATUS);
        }
        // the dump before dmesg: the login's stderr is shared, and a refused dmesg (non-root) is the
        // failure its last line must name
        boolean dump = configDue();
        if (dump) {
            asked.add(DRBDADM_DUMP);
        }
        if (!lastQuiet) {
            asked.add(DMESG);
        }
        Map<List<String>, SshRunner.Result> got = runAll(asked);
        String proc = checked(PROC_DRBD, got.get(PROC_DRBD));
        boolean nine = onlyVersion(proc);
        lastNine = nine;
        DrbdStatus status = nine ? nine(got.containsKey(DRBDADM_STATUS) ? got.get(DRBDADM_STATUS)
                : ssh.run(target, DRBDADM_STATUS, budget())) : DrbdText.parse(proc);
        status = withConfig(status, dump ? got.get(DRBDADM_DUMP) : null);
        // Connected resources are past any split-brain: one ssh round trip less on every healthy poll.
        boolean quiet = status.resources().stream().allMatch(r -> r.talksToPeer() || r.unconfigured());
        lastQuiet = quiet;
        if (quiet) {
            return status;
        }
        return status.withKernelLog(got.containsKey(DMESG) ? kernelLog(got.get(DMESG)) : kernelLog());
    }

    private boolean configDue() {
        DrbdConfig c = lastConfig;
        return c == null || c.readAt() == null || !Duration.between(c.readAt(), now()).minus(CONFIG_EVERY).isNegative();
    }

    /** The status with the configuration just read (dump non-null) or the last one; a changed resource set re-reads it. */
    private DrbdStatus withConfig(DrbdStatus status, SshRunner.Result dump) {
        Set<String> shown = status.resources().stream().map(DrbdResource::label)
                .collect(Collectors.toUnmodifiableSet());
        DrbdConfig c;
        if (dump != null) {
            c = config(dump);
            configuredFor = shown;
        } else {
            c = lastConfig;
            if (!shown.equals(configuredFor)) {
                lastConfig = DrbdConfig.notRead();   // the next reading asks it again
                return status.withConfig(c);
            }
        }
        lastConfig = c;
        return status.withConfig(c);
    }

    private DrbdConfig config(SshRunner.Result r) {
        if (!r.ok()) {
            // the login's stderr is shared: only a line that speaks of drbd is this command's
            String why = r.stderr().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("drbd")
                    || l.contains("not defined in your config")).reduce((x, y) -> y).map(l -> ": " + l.strip()).orElse("");
            return DrbdConfig.unavailable(String.join(" ", DRBDADM_DUMP) + " on " + target.node() + ": exit " + r.exitCode() + why, now());
        }
        try {
            return DrbdConfig.of(DrbdDumpParser.parse(r.stdout()), now());
        } catch (ParseException e) {
            return DrbdConfig.unavailable(String.join(" ", DRBDADM_DUMP) + " on " + target.node() + ": " + e.getMessage(), now());
        }
    }

    /** The commands in one login (one command alone as itself), each with its own exit status. */
    private Map<List<String>, SshRunner.Result> runAll(List<List<String>> asked) {
        if (asked.size() == 1) {
            return Map.of(asked.get(0), ssh.run(target, asked.get(0), budget()));
        }
        CommandBatch batch = new CommandBatch(asked);
        SshRunner.Result run = ssh.run(target, batch.argv(), budget());
        Map<List<String>, SshRunner.Result> out = new HashMap<>();
        List<CommandBatch.Answer> answers;
        try {
            answers = batch.split(run);
        } catch (ProbeException e) {   // the login itself failed: say it as for one command
            throw new ProbeException(String.join(" ", asked.get(0)) + " on " + target.node() + ": " + run.failureText());
        }
        for (CommandBatch.Answer a : answers) {
            // the login's stderr is shared: it goes with a command that failed
            out.put(a.command(), new SshRunner.Result(a.exitCode(), a.stdout(), a.exitCode() == 0 ? "" : run.stderr(), run.took()));
        }
        return out;
    }

    /**
     * DRBD 9's {@code drbdadm status}. A resource that is down there is answered "pc0: No such resource"
     * (exit 10) beside the others' status: that is DRBD not running, as /proc/drbd 8.4's cs:Unconfigured
     * says, not a node that cannot be read.
     */
    private DrbdStatus nine(SshRunner.Result r) {
        List<String> down = r.exitCode() == 10 ? Drbd9StatusParser.downResources(r.stderr()) : List.of();
        if (down.isEmpty()) {
            return DrbdText.parse(checked(DRBDADM_STATUS, r));
        }
        return Drbd9StatusParser.withDown(r.stdout(), down);
    }

    private String checked(List<String> command, SshRunner.Result r) {
        if (!r.ok()) {
            throw new ProbeException(String.join(" ", command) + " on " + target.node() + ": " + r.failureText());
        }
        return r.stdout();
    }

    private DrbdKernelLog kernelLog(SshRunner.Result r) {
        return r.ok() ? DrbdKernelLogParser.parse(r.stdout())
                : DrbdKernelLog.unavailable("dmesg on " + target.node() + ": " + r.failureText());
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
            return kernelLog(ssh.run(target, DMESG, left));
        } catch (ProbeException e) {
            return DrbdKernelLog.unavailable("dmesg on " + target.node() + ": " + e.getMessage());
        }
    }

    /** DRBD 9's /proc/drbd: a version line (and maybe GIT-hash), no resource lines. */
    static boolean onlyVersion(String proc) {
        return proc.lines().map(String::strip).filter(l -> !l.isEmpty())
                .allMatch(l -> l.startsWith("version:") || l.startsWith("GIT-hash:") || l.startsWith("Transports"));
    }
}
