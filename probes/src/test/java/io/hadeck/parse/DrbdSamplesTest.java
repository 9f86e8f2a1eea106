package io.hadeck.parse;

import io.hadeck.model.DrbdConnection;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recorded real output (see resources/drbd/SOURCES.md): every sample parses, the key ones exactly. */
class DrbdSamplesTest {

    static final Path DIR = Path.of("src/test/resources/drbd");

    static Stream<String> samples() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList().stream();
        }
    }

    static DrbdStatus parse(String file) {
        try {
            return DrbdText.parse(Files.readString(DIR.resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DrbdResource only(String file) {
        DrbdStatus s = parse(file);
        assertThat(s.resources()).hasSize(1);
        return s.resources().get(0);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyRecordedSampleParses(String file) {
        DrbdStatus s = parse(file);
        assertThat(s.resources()).as(file).isNotEmpty();
        assertThat(s.rawText()).isNotBlank();
        for (DrbdResource r : s.resources()) {
            assertThat(r.connection()).as(file).isNotNull();
        }
    }

    @Test
    void chefHealthyPrimary() {
        DrbdStatus s = parse("chef-ha-rst-healthy-primary.txt");
        assertThat(s.version()).isEqualTo("8.4.0 (api:1/proto:86-100)");
        DrbdResource r = s.resources().get(0);
        assertThat(r.minor()).isZero();
        assertThat(r.name()).isNull();
        assertThat(r.connection()).hasToString("Connected");
        assertThat(r.role()).hasToString("Primary");
        assertThat(r.peerRole()).hasToString("Secondary");
        assertThat(r.disk()).hasToString("UpToDate");
        assertThat(r.peerDisk()).hasToString("UpToDate");
        assertThat(r.protocol()).isEqualTo("C");
        assertThat(r.counters()).containsEntry("ns", 4_091_788L).containsEntry("dr", 4_092_817L).containsEntry("ep", 1L)
                .doesNotContainKey("wo");
        assertThat(r.outOfSyncKiB()).isZero();
        assertThat(r.sync()).isNull();
    }

    @Test
    void chefScenario1PrimaryCollectsOutOfSyncData() {
        DrbdResource r = only("chef-ha-md-scenario1-primary-wfconnection.txt");
        assertThat(r.connection()).hasToString("WFConnection");
        assertThat(r.peerRole()).hasToString("Unknown");
        assertThat(r.peerDisk()).hasToString("DUnknown");
        assertThat(r.outOfSyncKiB()).isEqualTo(130_760);
    }

    @Test
    void chefScenario2SyncTargetWithWantAndNoVersionLine() {
        DrbdStatus s = parse("chef-ha-rst-scenario2-secondary-synctarget-no-version.txt");
        assertThat(s.version()).isNull();
        DrbdResource r = s.resources().get(0);
        assertThat(r.connection()).hasToString("SyncTarget");
        assertThat(r.disk()).hasToString("Inconsistent");
        assertThat(r.sync()).isEqualTo(new DrbdResource.DrbdSync(36.3, 47L, 35_152L));
        assertThat(r.outOfSyncKiB()).isEqualTo(1_670_512);
    }

    @Test
    void chefScenario2SyncSource() {
        assertThat(only("chef-ha-md-scenario2-primary-syncsource.txt").sync())
                .isEqualTo(new DrbdResource.DrbdSync(57.3, 32L, 34_328L));
    }

    @Test
    void chefScenario4InconsistentSecondary() {
        DrbdResource r = only("chef-ha-md-scenario4-secondary-inconsistent.txt");
        assertThat(r.role()).hasToString("Secondary");
        assertThat(r.disk()).hasToString("Inconsistent");
        assertThat(r.outOfSyncKiB()).isEqualTo(40_552);
    }

    @Test
    void drbd80UsesStAndMegabytesAndHasLruLines() {
        DrbdStatus s = parse("web-pastebin-tGPUCHZs-8.0.13-syncsource-st.txt");
        DrbdResource r = s.resources().get(0);
        assertThat(r.role()).hasToString("Secondary");
        assertThat(r.peerRole()).hasToString("Primary");
        assertThat(r.sync()).isEqualTo(new DrbdResource.DrbdSync(65.6, 106 * 3600L + 25 * 60 + 26, 992L));
        assertThat(r.outOfSyncKiB()).as("no oos counter: the sync'ed line's M left").isEqualTo(448_976L * 1024);
        assertThat(r.counters()).containsEntry("ap", 0L).doesNotContainKey("oos");
    }

    @Test
    void drbd83TwoMinorsOneResyncing() {
        DrbdStatus s = parse("web-pastebin-zzGeDfe3-8.3.10-two-minors.txt");
        assertThat(s.resources()).extracting(DrbdResource::minor).containsExactly(0, 1);
        assertThat(s.resources().get(0).sync()).isNull();
        assertThat(s.resources().get(1).sync().percent()).isEqualTo(9.2);
        assertThat(s.resources().get(1).sync().finishSeconds()).isEqualTo(54 * 3600L + 20 * 60 + 4);
    }

    @Test
    void standAloneHasNoProtocolAndUnconfiguredMinorsAreKept() {
        DrbdStatus s = parse("constructed-8.4-standalone-unconfigured-minors.txt");
        assertThat(s.resources()).extracting(DrbdResource::connection)
                .containsExactly(DrbdConnection.STAND_ALONE, DrbdConnection.UNCONFIGURED, DrbdConnection.WF_CONNECTION);
        assertThat(s.resources().get(0).protocol()).isNull();
        assertThat(s.resources().get(2).disk()).hasToString("Diskless");
    }

    @Test
    void labSimulatorResyncIn84Format() {
        DrbdResource r = only("lab-sim-8.4-resync-drbd-a.txt");
        assertThat(r.connection()).hasToString("SyncSource");
        assertThat(r.sync().percent()).isEqualTo(76.0);
        assertThat(r.sync().speedKiBs()).isEqualTo(1024L);
    }

    @Test
    void drbd9ResyncMapsReplicationToTheConnection() {
        DrbdResource r = only("lab-sim-9-resync-drbd-a.txt");
        assertThat(r.name()).isEqualTo("pc0");
        assertThat(r.connection()).hasToString("SyncSource");
        assertThat(r.role()).hasToString("Primary");
        assertThat(r.peerRole()).hasToString("Secondary");
        assertThat(r.peerDisk()).hasToString("Inconsistent");
        assertThat(r.sync().percent()).isEqualTo(67.01);
        assertThat(r.sync().finishSeconds()).isNull();
    }

    @Test
    void drbd9ConnectingAndStandAlonePeers() {
        DrbdResource c = only("web-pacemaker-cfs-9-connecting.txt");
        assertThat(c.connection()).hasToString("Connecting");
        assertThat(c.peerRole()).hasToString("Unknown");
        assertThat(c.peerDisk()).hasToString("DUnknown");
        assertThat(only("lab-sim-9-split-brain-drbd-a.txt").connection()).hasToString("StandAlone");
        DrbdResource ok = only("web-pacemaker-cfs-9-uptodate-secondary.txt");
        assertThat(ok.connection()).hasToString("Connected");
        assertThat(ok.peerRole()).hasToString("Primary");
    }

    @Test
    void drbd9SeveralResourcesAndVolumes() {
        DrbdStatus s = parse("constructed-9-two-resources-two-volumes.txt");
        assertThat(s.version()).isNull();
        assertThat(s.resources()).extracting(DrbdResource::name).containsExactly("pc0", "pc0", "data");
        assertThat(s.resources()).extracting(DrbdResource::minor).containsExactly(0, 1, 0);
        assertThat(s.resources().get(0).connection()).hasToString("Connected");
        assertThat(s.resources().get(1).connection()).hasToString("SyncSource");
        assertThat(s.resources().get(1).sync().percent()).isEqualTo(31.4);
        assertThat(s.resources().get(2).connection()).hasToString("StandAlone");
        assertThat(s.resources().get(2).role()).hasToString("Secondary");
    }

    @Test
    void garbageIsAParseExceptionWithALineNumber() {
        assertThatThrownBy(() -> DrbdText.parse("version: 8.4.11 (api:1/proto:86-101)\n 0: cs:Connected ro:Primary\n"))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("line 2: ");
        assertThatThrownBy(() -> DrbdText.parse("version: 8.4.11\n 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n    ns:12 nr:x\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("line 3").hasMessageContaining("nr");
        assertThatThrownBy(() -> DrbdText.parse("Permission denied (publickey).")).isInstanceOf(ParseException.class)
                .hasMessageContaining("neither /proc/drbd");
        assertThatThrownBy(() -> DrbdText.parse("")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> DrbdText.parse(null)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> DrbdText.parse("pc0 role:Primary\n   disk:UpToDate\n")).isInstanceOf(ParseException.class)
                .hasMessageStartingWith("line 2: ");
    }
}
