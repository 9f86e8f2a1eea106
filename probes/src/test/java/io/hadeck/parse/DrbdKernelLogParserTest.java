package io.hadeck.parse;

import io.hadeck.model.DrbdKernelLog;
import io.hadeck.model.DrbdKernelLog.SplitBrain;
import io.hadeck.model.DrbdResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Kernel log lines recorded from real DRBD hosts and the lab's simulator (see resources/drbd-kernel-log/SOURCES.md). */
class DrbdKernelLogParserTest {

    static String sample(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/drbd-kernel-log", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DrbdKernelLog parse(String file) {
        return DrbdKernelLogParser.parse(sample(file));
    }

    static DrbdResource resource(int minor, String name) {
        return new DrbdResource(minor, name, "StandAlone", "Primary", "Unknown", "UpToDate", "DUnknown", "C", 0, Map.of(), null);
    }

    @Test
    void drbd84UnresolvedSplitBrainInKernLog() {
        DrbdKernelLog log = parse("web-ganeti-846-8.4-kern.log.txt");
        assertThat(log.read()).isTrue();
        assertThat(log.splitBrains()).hasSize(1);
        SplitBrain sb = log.splitBrains().get(0);
        assertThat(sb.minor()).isEqualTo(6);
        assertThat(sb.resource()).isNull();
        assertThat(sb.message()).isEqualTo("Split-Brain detected but unresolved, dropping connection!");
        assertThat(sb.line()).isEqualTo("Sep  7 19:56:52 hp7 kernel: [  118.684221] block drbd6: "
                + "Split-Brain detected but unresolved, dropping connection!");
        assertThat(sb.concerns(resource(6, null))).isTrue();
        assertThat(sb.concerns(resource(0, null))).isFalse();
    }

    @Test
    void drbd9UnresolvedSplitBrainNamesResourceVolumeMinorAndPeer() {
        DrbdKernelLog log = parse("web-linbit-drbd-58-9-kern.log.txt");
        assertThat(log.splitBrains()).singleElement().satisfies(sb -> {
            assertThat(sb.resource()).isEqualTo("vm-57da08a3-2938-4769-8959-3a11616d6ef9");
            assertThat(sb.minor()).isEqualTo(8);
            assertThat(sb.peer()).isEqualTo("os-hv-am-3");
            // drbdadm status numbers volumes, not minors: a named resource is matched by name
            assertThat(sb.concerns(resource(0, "vm-57da08a3-2938-4769-8959-3a11616d6ef9"))).isTrue();
            assertThat(sb.concerns(resource(8, "other"))).isFalse();
        });
    }

    @Test
    void drbd83LineWithOnlyTheSyslogTag() {
        assertThat(parse("web-dalfers-8.3-syslog.txt").splitBrains()).singleElement()
                .satisfies(sb -> assertThat(sb.minor()).isZero());
    }

    @Test
    void helperCommandsAndAutoRecoveryAreNoStandingSplitBrain() {
        assertThat(parse("web-hwameistor-332-9-auto-recover-dmesg.txt").splitBrains()).isEmpty();
    }

    @Test
    void resolvedByDiscardMyDataOrAutomaticallySolvedIsNotReported() {
        assertThat(parse("constructed-8.4-split-brain-solved-dmesg.txt").splitBrains()).isEmpty();
    }

    @Test
    void humanTimestampsOfDmesgT() {
        assertThat(DrbdKernelLogParser.line(sample("web-linstor-216-9-dmesg-T.txt").lines().toList().get(1)))
                .hasValueSatisfying(l -> {
                    assertThat(l.resource()).isEqualTo("one-vm-11169-disk-2");
                    assertThat(l.peer()).isEqualTo("m10c44");
                    assertThat(l.message()).startsWith("Starting sender thread");
                });
        assertThat(DrbdKernelLogParser.line("[Wed Mar 24 16:47:34 2021] drbd one-vm-11169-disk-2/0 drbd1205: meta-data IO uses: blk-bio"))
                .hasValueSatisfying(l -> assertThat(l.minor()).isEqualTo(1205));
    }

    @Test
    void otherKernelLinesAreNotDrbds() {
        assertThat(DrbdKernelLogParser.line("[    2.113401] drbd: initialized. Version: 8.4.11 (api:1/proto:86-101)")).isEmpty();
        assertThat(DrbdKernelLogParser.line("[    0.000000] Linux version 6.1.0-18-amd64")).isEmpty();
        assertThat(DrbdKernelLogParser.line("Sep  7 19:56:52 hp7 systemd[1]: Started drbd.service.")).isEmpty();
        assertThat(DrbdKernelLogParser.parse("").splitBrains()).isEmpty();
    }

    @Test
    void simulatorBothFormatsOnlyTheLatestSplitBrainStands() {
        // the 8.4 log also holds a format-9 split-brain from before a reset: cleared by minor 0's reconnect
        DrbdKernelLog a = parse("lab-sim-8.4-split-brain-dmesg-drbd-a.txt");
        assertThat(a.splitBrains()).singleElement().satisfies(sb -> {
            assertThat(sb.line()).isEqualTo("[  1791.585223] block drbd0: Split-Brain detected, dropping connection!");
            assertThat(sb.concerns(resource(0, null))).isTrue();
        });
        assertThat(parse("lab-sim-8.4-split-brain-dmesg-drbd-b.txt").splitBrains()).hasSize(1);
        assertThat(parse("lab-sim-9-split-brain-dmesg-drbd-a.txt").splitBrains()).singleElement().satisfies(sb -> {
            assertThat(sb.resource()).isEqualTo("pc0");
            assertThat(sb.peer()).isEqualTo("drbd-b");
            assertThat(sb.concerns(resource(0, "pc0"))).isTrue();
        });
    }

    @Test
    void aReconnectAfterTheSplitBrainClearsIt() {
        assertThat(parse("lab-sim-9-split-brain-then-reset-dmesg-drbd-a.txt").splitBrains()).isEmpty();
    }

    @Test
    void aReconnectWithAnotherPeerLeavesTheSplitBrainWithThisOne() {
        String log = """
                [  10.0] drbd r0/0 drbd1 alpha: Split-Brain detected but unresolved, dropping connection!
                [  10.1] drbd r0 alpha: conn( Connecting -> Disconnecting )
                [  12.0] drbd r0 beta: conn( Connecting -> Connected )
                """;
        assertThat(DrbdKernelLogParser.parse(log).splitBrains()).extracting(SplitBrain::peer).containsExactly("alpha");
    }
}
