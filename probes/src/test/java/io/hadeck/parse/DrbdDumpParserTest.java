package io.hadeck.parse;

import io.hadeck.model.AfterSplitBrain;
import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdResourceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code drbdadm dump}: each resource's minors and split-brain policies (samples: resources/drbd-dump/SOURCES.md). */
class DrbdDumpParserTest {

    static String recorded(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/drbd-dump", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void linbitsOwnDumpWithoutPoliciesFallsBackToDrbdsDefaultDisconnect() {
        List<DrbdResourceConfig> r = DrbdDumpParser.parse(recorded("linbit-drbd-utils-v9-test-top-level-meta-disk.txt"));
        assertThat(r).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("drbd_testqm");
            assertThat(c.minors()).containsExactly(1);
            assertThat(c.policies()).isEqualTo("after-sb-0pri disconnect (default), after-sb-1pri disconnect (default), "
                    + "after-sb-2pri disconnect (default)");
            assertThat(c.forPrimaries(2).kind()).isEqualTo(AfterSplitBrain.DISCONNECT);
        });
    }

    @Test
    void theLabsTwoResourcesEachWithItsMinorAndItsNetPolicies() {
        List<DrbdResourceConfig> r = DrbdDumpParser.parse(recorded("lab-sim-9-two-resources-drbd-a.txt"));
        assertThat(r).extracting(DrbdResourceConfig::name).containsExactly("pc0", "pc1");
        assertThat(r).extracting(DrbdResourceConfig::minors).containsExactly(List.of(0), List.of(1));
        assertThat(r.get(1).policies()).isEqualTo("after-sb-0pri discard-zero-changes, after-sb-1pri disconnect, "
                + "after-sb-2pri disconnect");
        assertThat(DrbdDumpParser.parse(recorded("lab-sim-8.4-drbd-b.txt"))).singleElement()
                .extracting(c -> c.afterSb0pri().kind()).isEqualTo(AfterSplitBrain.DISCARD_ZERO_CHANGES);
    }

    @Test
    void aResourcesOwnOrItsConnectionsNetWinsOverCommonAndCommonOverTheDefault() {
        Map<String, DrbdResourceConfig> r = DrbdDumpParser.parse(recorded("constructed-9-common-and-connection-policies.txt"))
                .stream().collect(java.util.stream.Collectors.toMap(DrbdResourceConfig::name, c -> c));
        DrbdResourceConfig data = r.get("data");
        assertThat(data.minors()).containsExactly(10, 11);
        assertThat(data.afterSb0pri()).hasToString("after-sb-0pri discard-least-changes");    // common
        assertThat(data.afterSb1pri()).hasToString("after-sb-1pri discard-secondary");        // its own net
        assertThat(data.afterSb2pri()).hasToString("after-sb-2pri call-pri-lost-after-sb");   // its connection's net
        DrbdResourceConfig logs = r.get("logs");
        assertThat(logs.afterSb0pri().kind()).isEqualTo(AfterSplitBrain.DISCARD_NODE);
        assertThat(logs.afterSb0pri().word()).isEqualTo("discard-node-bravo");
        assertThat(logs.afterSb1pri()).hasToString("after-sb-1pri consensus");
        assertThat(logs.afterSb2pri()).hasToString("after-sb-2pri disconnect (default)");
    }

    @Test
    void theAdviceSaysWhichPolicyAppliesAndWhatDrbdDoesByItself() {
        DrbdResourceConfig pc0 = DrbdDumpParser.parse(recorded("lab-sim-9-two-resources-drbd-a.txt")).get(0);
        assertThat(pc0.advice(2)).isEqualTo("pc0: after-sb-2pri disconnect applies (both sides Primary): DRBD drops the "
                + "connection and resolves nothing: recovery is manual; with both sides Secondary, after-sb-0pri "
                + "discard-zero-changes: DRBD syncs from the side that wrote when the other wrote nothing since the split; "
                + "when both wrote, it drops the connection and recovery is manual.");
        assertThat(pc0.advice(0)).startsWith("pc0: after-sb-0pri discard-zero-changes applies (neither side Primary): DRBD "
                + "syncs from the side that wrote");
    }

    @Test
    void a84StatusLineFindsItsResourceByMinorA9OneByName() {
        DrbdResourceConfig pc1 = DrbdDumpParser.parse(recorded("lab-sim-9-two-resources-drbd-a.txt")).get(1);
        assertThat(pc1.concerns(new DrbdResource(1, null, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate",
                "C", 0, Map.of(), null))).isTrue();
        assertThat(pc1.concerns(new DrbdResource(0, "pc1", "Connected", "Primary", "Secondary", "UpToDate", "UpToDate",
                null, 0, Map.of(), null))).isTrue();
        assertThat(pc1.concerns(new DrbdResource(1, "pc0", "Connected", "Primary", "Secondary", "UpToDate", "UpToDate",
                null, 0, Map.of(), null))).isFalse();
    }

    @Test
    void textThatIsNotADumpIsAOneLineErrorNamingTheLine() {
        assertThatThrownBy(() -> DrbdDumpParser.parse("")).isInstanceOf(ParseException.class).hasMessage("empty drbdadm dump output");
        assertThatThrownBy(() -> DrbdDumpParser.parse("resource r0 {\n    net {\n        after-sb-0pri;\n    }\n}\n"))
                .isInstanceOf(ParseException.class).hasMessage("line 3: after-sb-0pri needs one value: 'after-sb-0pri'");
        assertThatThrownBy(() -> DrbdDumpParser.parse("resource r0 {\n    net {\n"))
                .isInstanceOf(ParseException.class).hasMessageContaining("ends inside 'net'");
        assertThatThrownBy(() -> DrbdDumpParser.parse("# no resources configured\n"))
                .isInstanceOf(ParseException.class).hasMessage("no resource in drbdadm dump output");
    }
}
