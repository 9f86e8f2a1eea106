package io.hadeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.testkit.Lab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab's DRBD pair (scripts/drbd-sim behind the lab's real sshd), driven exactly as hadeck reads a
 * real host: the ssh binary, BatchMode, the lab's known_hosts and key. Scenario numbers are the Chef
 * server DRBD HA document's.
 */
class DrbdSimulatorIT {

    record Out(int code, String out, String err) {
    }

    static Out ssh(String node, String command) {
        List<String> cmd = List.of("ssh", "-o", "BatchMode=yes",
                "-o", "UserKnownHostsFile=" + Lab.dir().resolve("ssh/known_hosts"),
                "-o", "StrictHostKeyChecking=yes", "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR",
                "-i", Lab.dir().resolve("ssh/lab_key").toString(), "-p", "2222",
                "hadecklab@" + Lab.host(node), command);
        Lab.Result r = Lab.exec(cmd, Duration.ofSeconds(30));
        return new Out(r.exitCode(), r.stdout(), r.stderr());
    }

    static String ok(String node, String command) {
        Out o = ssh(node, command);
        assertThat(o.code()).as("%s on %s: %s", command, node, o.err()).isZero();
        return o.out();
    }

    static String proc(String node) {
        return ok(node, "cat /proc/drbd");
    }

    static String await(String node, String command, Duration timeout, Predicate<String> p) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String s = "";
        while (System.nanoTime() < end) {
            s = ok(node, command);
            if (p.test(s)) {
                return s;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(command + " on " + node + " did not reach the expected state in " + timeout + ":\n" + s);
    }

    static long oos(String proc) {
        Matcher m = Pattern.compile("oos:(\\d+)").matcher(proc);
        assertThat(m.find()).as("oos in %s", proc).isTrue();
        return Long.parseLong(m.group(1));
    }

    static List<String> writes(String node) {
        return Arrays.asList(ok(node, "drbd-sim writes").strip().split("\n"));
    }

    static void awaitHealthyPair() throws InterruptedException {
        await("drbd-a", "cat /proc/drbd", Duration.ofSeconds(60),
                s -> s.contains("cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate"));
        await("drbd-b", "cat /proc/drbd", Duration.ofSeconds(10),
                s -> s.contains("cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate"));
    }

    /** Each test starts from, and leaves behind, a healthy 8.4 pair. */
    @BeforeEach
    @AfterEach
    void healthy() throws InterruptedException {
        Lab.run("fault", "drbd-format", "8.4");
        Lab.run("fault", "drbd-reset");
        awaitHealthyPair();
    }

    @Test
    void healthyPairLooksLikeDrbd84() {
        String a = proc("drbd-a");
        assertThat(a).matches("(?s)version: 8\\.4\\.\\d+\\S* \\(api:1/proto:86-101\\)\nGIT-hash: [0-9a-f]{40} build by .*\n"
                + " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n"
                + "    ns:\\d+ nr:\\d+ dw:\\d+ dr:\\d+ al:\\d+ bm:\\d+ lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0\n");
        assertThat(ok("drbd-a", "drbdadm role pc0")).isEqualTo("Primary/Secondary\n");
        assertThat(ok("drbd-b", "drbdadm cstate pc0")).isEqualTo("Connected\n");
        assertThat(ok("drbd-b", "drbdadm dstate pc0")).isEqualTo("UpToDate/UpToDate\n");
        assertThat(ok("drbd-b", "hostname")).isEqualTo("drbd-b\n");
    }

    @Test
    void resyncProgressAdvancesAndEndsConnectedUpToDate() throws InterruptedException {
        ok("drbd-a", "drbdadm disconnect pc0");
        assertThat(proc("drbd-a")).contains("cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown");
        assertThat(proc("drbd-b")).contains("cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown");
        Lab.run("fault", "drbd-write", "drbd-a");
        assertThat(oos(proc("drbd-a"))).isGreaterThanOrEqualTo(4096);
        ok("drbd-a", "drbdadm connect pc0");

        Pattern bar = Pattern.compile("\t\\[=*>\\.*\\] sync'ed: *(\\d+\\.\\d)% \\((\\d+)/(\\d+)\\)K\n"
                + "\tfinish: \\d+:\\d\\d:\\d\\d speed: [\\d,]+ \\([\\d,]+\\) want: [\\d,]+ K/sec\n");
        List<Double> seen = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String b = "";
        while (System.nanoTime() < end) {
            b = proc("drbd-b");
            Matcher m = bar.matcher(b);
            if (m.find()) {
                assertThat(b).contains("cs:SyncTarget ro:Secondary/Primary ds:Inconsistent/UpToDate");
                assertThat(Long.parseLong(m.group(2))).isLessThanOrEqualTo(Long.parseLong(m.group(3)));
                seen.add(Double.parseDouble(m.group(1)));
            } else if (b.contains("cs:Connected")) {
                break;
            }
            Thread.sleep(700);
        }
        assertThat(b).contains("cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate");
        assertThat(oos(b)).isZero();
        assertThat(seen).as("sync'ed percentages seen").hasSizeGreaterThanOrEqualTo(2).isSorted();
        assertThat(seen.get(seen.size() - 1)).isGreaterThan(seen.get(0));
        assertThat(ok("drbd-b", "dmesg")).contains("Resync done");
        assertThat(writes("drbd-b")).isEqualTo(writes("drbd-a"));
    }

    @Test
    void scenario1SecondaryFailsGracefully() throws InterruptedException {
        Lab.run("fault", "drbd-scenario-1");
        String a = proc("drbd-a");
        assertThat(a).contains(" 0: cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown C r-----");
        assertThat(ok("drbd-a", "drbdadm role pc0")).isEqualTo("Primary/Unknown\n");
        assertThat(proc("drbd-b")).contains(" 0: cs:Unconfigured");
        Thread.sleep(1500);
        assertThat(oos(proc("drbd-a"))).as("writes on the primary grow oos").isGreaterThan(oos(a));
        ok("drbd-b", "drbdadm up pc0");   // the secondary comes back and syncs
        awaitHealthyPair();
    }

    @Test
    void scenario2SecondaryHardFailsWithUnsyncedData() throws InterruptedException {
        Lab.run("fault", "drbd-scenario-2");
        String a = proc("drbd-a");
        assertThat(a).contains("cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown");
        assertThat(oos(a)).isPositive();
        assertThat(proc("drbd-b")).contains("cs:Unconfigured");
        ok("drbd-b", "drbdadm up pc0");
        assertThat(proc("drbd-b")).contains("cs:SyncTarget ro:Secondary/Primary ds:Inconsistent/UpToDate");
        awaitHealthyPair();
    }

    @Test
    void scenario3PrimaryFailsGracefullySecondaryCanBePromoted() throws InterruptedException {
        Lab.run("fault", "drbd-scenario-3");
        String b = proc("drbd-b");
        assertThat(b).contains(" 0: cs:WFConnection ro:Secondary/Unknown ds:UpToDate/DUnknown C r-----");
        assertThat(oos(b)).isZero();
        assertThat(proc("drbd-a")).contains("cs:Unconfigured");
        ok("drbd-b", "drbdadm primary pc0");
        assertThat(proc("drbd-b")).contains("cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown");
        Thread.sleep(1000);   // the new primary is written to
        ok("drbd-a", "drbdadm up pc0");
        // the old primary cannot take over again: it syncs from drbd-b and stays secondary
        Out o = ssh("drbd-a", "drbdadm primary pc0");
        assertThat(o.code()).isEqualTo(11);
        assertThat(o.err()).contains("State change failed: (-1) Multiple primaries not allowed by config");
        await("drbd-a", "cat /proc/drbd", Duration.ofSeconds(60),
                s -> s.contains("cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate"));
    }

    @Test
    void scenario4PrimaryHardFailsWhileSecondaryInconsistent() {
        Lab.run("fault", "drbd-scenario-4");
        String b = proc("drbd-b");
        assertThat(b).contains("cs:WFConnection ro:Secondary/Unknown ds:Inconsistent/DUnknown");
        assertThat(oos(b)).isPositive();
        Out o = ssh("drbd-b", "drbdadm primary pc0");
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("(-2) Need access to UpToDate data");
        ok("drbd-b", "drbdadm primary --force pc0");
        assertThat(proc("drbd-b")).contains("cs:WFConnection ro:Primary/Unknown ds:UpToDate/DUnknown");
    }

    @Test
    void scenario5BothSecondaryPromoteTheLowerOos() {
        Lab.run("fault", "drbd-scenario-5");
        String a = proc("drbd-a");
        String b = proc("drbd-b");
        assertThat(a).contains("ro:Secondary/Unknown");
        assertThat(b).contains("ro:Secondary/Unknown");
        assertThat(oos(a)).isLessThan(oos(b));
        ok("drbd-a", "drbdadm primary pc0");
        assertThat(ok("drbd-a", "drbdadm role pc0")).isEqualTo("Primary/Unknown\n");
        // create-md on a configured device is refused (drbdmeta); the Chef procedure needs down first
        Out o = ssh("drbd-b", "drbdadm create-md pc0");
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("is configured!");
    }

    @Test
    void splitBrainAndLinbitRecoveryKeepTheSurvivorsData() throws InterruptedException {
        Lab.run("fault", "drbd-split-brain");
        for (String n : List.of("drbd-a", "drbd-b")) {
            assertThat(proc(n)).contains("cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown");
            assertThat(ok(n, "dmesg")).contains("Split-Brain detected, dropping connection!");
        }
        List<String> victimOnly = new ArrayList<>(writes("drbd-b"));
        victimOnly.removeAll(writes("drbd-a"));
        assertThat(victimOnly).isNotEmpty();

        // unsafe: discarding the data of a primary is refused
        Out o = ssh("drbd-b", "drbdadm connect --discard-my-data pc0");
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("--discard-my-data not allowed when primary");

        // LINBIT: victim drbd-b secondary + connect --discard-my-data; survivor drbd-a connect
        ok("drbd-b", "drbdadm secondary pc0");
        ok("drbd-b", "drbdadm connect --discard-my-data pc0");
        ok("drbd-a", "drbdadm connect pc0");
        assertThat(proc("drbd-a")).contains("cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent");
        awaitHealthyPair();
        List<String> a = writes("drbd-a");
        List<String> b = writes("drbd-b");
        assertThat(b).isEqualTo(a);
        assertThat(b).doesNotContainAnyElementsOf(victimOnly);
    }

    @Test
    void splitBrainIsDetectedAgainWhenNeitherSideDiscards() {
        Lab.run("fault", "drbd-split-brain");
        ok("drbd-b", "drbdadm secondary pc0");
        ok("drbd-b", "drbdadm connect pc0");
        ok("drbd-a", "drbdadm connect pc0");
        assertThat(proc("drbd-a")).contains("cs:StandAlone");
        assertThat(proc("drbd-b")).contains("cs:StandAlone");
    }

    @Test
    void unsafeOrUnknownCommandsAreRefused() {
        Out o = ssh("drbd-b", "drbdadm primary pc0");
        assertThat(o.code()).isEqualTo(11);
        assertThat(o.err()).contains("State change failed: (-1) Multiple primaries not allowed by config");
        assertThat(ssh("drbd-a", "rm -rf /").code()).isEqualTo(127);
        assertThat(ssh("drbd-a", "drbdadm frobnicate pc0").code()).isNotZero();
        assertThat(ssh("drbd-a", "drbdadm primary r9").code()).isNotZero();
        assertThat(proc("drbd-b")).contains("cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate");
    }

    /**
     * A pair of two resources (issue 17 item 7): both in /proc/drbd and drbdadm status, drbdadm acts on
     * one or on all, a resource down under DRBD 9 is "No such resource" (exit 10), and drbdadm dump
     * gives both with their split-brain policies in drbd-utils' layout, as hadeck's parser reads it.
     */
    @Test
    void twoResourcesEachWithItsMinorItsRoleAndItsDump() {
        try {
            Lab.run("fault", "drbd-resources", "pc0", "pc1");
            assertThat(ok("drbd-a", "drbdadm sh-resources")).isEqualTo("pc0 pc1\n");
            assertThat(proc("drbd-a")).contains(" 0: cs:Connected ro:Primary/Secondary").contains(" 1: cs:Connected ro:Primary/Secondary");
            List<io.hadeck.model.DrbdResourceConfig> dump = io.hadeck.parse.DrbdDumpParser.parse(ok("drbd-b", "drbdadm dump all"));
            assertThat(dump).extracting(c -> c.name() + " " + c.minors() + " " + c.afterSb0pri().word())
                    .containsExactly("pc0 [0] discard-zero-changes", "pc1 [1] discard-zero-changes");
            Lab.run("fault", "drbd-role", "drbd-a", "pc1", "secondary");
            assertThat(ok("drbd-a", "drbdadm role all")).isEqualTo("Primary/Secondary\nSecondary/Secondary\n");
            Lab.run("fault", "drbd-format", "9");
            ok("drbd-b", "drbdadm down all");
            Out down = ssh("drbd-b", "drbdadm status");
            assertThat(down.code()).isEqualTo(10);
            assertThat(down.err()).contains("pc0: No such resource").contains("pc1: No such resource");
        } finally {
            Lab.run("fault", "drbd-resources", "pc0");
        }
    }

    @Test
    void drbd9Format() throws InterruptedException {
        Lab.run("fault", "drbd-format", "9");
        assertThat(proc("drbd-a")).startsWith("version: 9.").doesNotContain("cs:");
        assertThat(ok("drbd-a", "drbdadm status pc0")).isEqualTo(
                "pc0 role:Primary\n  disk:UpToDate\n  drbd-b role:Secondary\n    peer-disk:UpToDate\n\n");
        assertThat(ok("drbd-b", "drbdadm status")).isEqualTo(
                "pc0 role:Secondary\n  disk:UpToDate\n  drbd-a role:Primary\n    peer-disk:UpToDate\n\n");
        assertThat(ok("drbd-a", "drbdadm role pc0")).isEqualTo("Primary\n");
        assertThat(ok("drbd-a", "drbdadm --version")).contains("DRBD_KERNEL_VERSION=9.");

        ok("drbd-a", "drbdadm disconnect pc0");
        assertThat(ok("drbd-a", "drbdadm status pc0")).contains("  drbd-b connection:StandAlone\n");
        assertThat(ok("drbd-b", "drbdadm status pc0")).contains("  drbd-a connection:Connecting\n");
        Lab.run("fault", "drbd-write", "drbd-a");
        ok("drbd-a", "drbdadm connect pc0");
        assertThat(ok("drbd-a", "drbdadm status pc0"))
                .matches("(?s)pc0 role:Primary\n  disk:UpToDate\n  drbd-b role:Secondary\n"
                        + "    replication:SyncSource peer-disk:Inconsistent done:\\d+\\.\\d\\d\n\n");
        assertThat(ok("drbd-b", "drbdadm status pc0")).contains("disk:Inconsistent")
                .contains("replication:SyncTarget peer-disk:UpToDate done:");
        await("drbd-b", "drbdadm status pc0", Duration.ofSeconds(60), s -> s.contains("    peer-disk:UpToDate\n"));
    }
}
