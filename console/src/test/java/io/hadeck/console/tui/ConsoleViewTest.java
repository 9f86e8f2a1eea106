package io.hadeck.console.tui;

import io.hadeck.console.theme.ThemeLoader;
import io.hadeck.events.Event;
import io.hadeck.events.EventDetector;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator reads on the screen, at the sizes terminals really have, in every theme. */
class ConsoleViewTest {
    static final int[][] SIZES = {{80, 24}, {120, 40}, {200, 50}};

    private static Rendered render(ClusterSnapshot s, int w, int h, String theme) {
        return Rendered.of(s, w, h, Rendered.frame(theme, Glyphs.UNICODE, false), new UiState(), List.of());
    }

    @Test
    void healthyLabAtEverySizeAndThemeShowsTheTopologyInWords() {
        for (String theme : ThemeLoader.BUILT_IN) {
            for (int[] size : SIZES) {
                String t = render(Clusters.lab(), size[0], size[1], theme).text();
                String where = theme + " " + size[0] + "x" + size[1] + "\n" + t;
                assertThat(t).as(where).contains("hadeck lab", "✓ healthy", "etcd healthy 3/3 leader node-2",
                        "HA leader node-1", "failover on", "PG primary node-1 · 2 streaming",
                        "ES green 3/3", "03:00:00", "node-1", "node-2", "node-3", "drbd-a", "drbd-b",
                        "primary", "standby", "Connected", "no findings", "Events");
                assertThat(t).as(where).contains("UpToDate/UpToDate");
            }
        }
    }

    @Test
    void wideScreensShowNodesAsBoxesSideBySideAndSmallOnesOneLineEach() {
        Rendered wide = render(Clusters.lab(), 200, 50, "dark");
        assertThat(wide.rows.stream().filter(r -> r.contains("┌")).findFirst().orElseThrow())
                .contains("node-1", "node-2", "node-3");
        assertThat(wide.text()).contains("HA   leader running · failover on", "PG   primary tl 3 · 0/5A3C2F8",
                "etcd ✓ healthy leader idx 10234", "ES   d,i,m master heap 34% disk 41.2%",
                "DRBD Primary/Secondary ✓ Connected", "✓ UpToDate/UpToDate oos 0 B");
        Rendered small = render(Clusters.lab(), 80, 24, "dark");
        assertThat(small.text()).doesNotContain("┌").contains(" Nodes 5");
        assertThat(small.rows).anyMatch(r -> r.startsWith("✓ node-1") && r.contains("primary"));
        assertThat(small.rows).anyMatch(r -> r.startsWith("✓ drbd-a") && r.contains("Connected UpToDate/UpToDate"));
        assertThat(small.rows).allMatch(r -> r.length() <= 80);
    }

    /** A pair node with two resources (DRBD 9): its card and its one-line row say which resource is which. */
    @Test
    void aNodeWithSeveralResourcesNamesEachOnItsCardAndItsRow() throws java.io.IOException {
        String two = java.nio.file.Files.readString(
                java.nio.file.Path.of("../probes/src/test/resources/drbd/constructed-9-two-resources-two-volumes.txt"));
        ClusterSnapshot s = Clusters.builder().drbdText("drbd-a", two).build();
        String wide = render(s, 200, 50, "dark").text();
        assertThat(wide).contains("DRBD pc0 Primary/Secondary", "data Secondary/Unknown");
        ClusterSnapshot five = Clusters.labBuilder().drbdText("drbd-a", two).build();
        Rendered small = render(five, 80, 24, "dark");
        assertThat(small.rows).as(small.text()).anyMatch(r -> r.contains("drbd-a") && r.contains("pc0 Primary/Secondary"));
    }

    @Test
    void unreachableAndStaleNodesNeverLookCurrent() {
        for (int[] size : SIZES) {
            String down = render(Clusters.unreachable("node-3"), size[0], size[1], "dark").text();
            assertThat(down).as(down).contains("✗ node-3", "unreachable: connect timed out", "2000 ms (127.0.0.4)");
            String stale = render(Clusters.stale("node-2"), size[0], size[1], "monochrome").text();
            assertThat(stale).as(stale).contains("stale 45 s");
        }
        String primaryDown = render(Clusters.primaryDown(), 120, 40, "dark").text();
        assertThat(primaryDown).contains("PG   ✗ unreachable: connection refused",
                "PG NO WRITABLE PRIMARY · 0 streaming · 2 not streaming · 1 unreachable", "not streaming");
    }

    @Test
    void everyFindingShowsItsSeverityAsSymbolAndWordNotColourAlone() {
        List<ClusterSnapshot> cases = List.of(Clusters.primaryDown(), Clusters.twoPrimaries(), Clusters.etcdNoQuorum(),
                Clusters.esYellow(), Clusters.esRed(), Clusters.drbdSplitBrain(), Clusters.lagging("node-2", 300L << 20, 400),
                Clusters.stale("node-1"), Clusters.unreachable("node-2"), Clusters.drbdScenario(1), Clusters.drbdScenario(2),
                Clusters.drbdScenario(3), Clusters.drbdScenario(4), Clusters.drbdScenario(5));
        List<FindingCode> codes = new ArrayList<>();
        for (ClusterSnapshot s : cases) {
            String t = render(s, 200, 50, "monochrome").text();
            for (Finding f : s.findings()) {
                codes.add(f.code());
                assertThat(t).as(t).contains(f.severity().symbol() + " " + String.format("%-4s", f.severity().word()) + " " + f.code());
            }
            assertThat(t).contains(s.worst() == Severity.OK ? "healthy" : s.count(Severity.CRIT) + " crit");
        }
    }

    /** Every code the findings engine can raise, each with its nodes, sentence and action on screen. */
    static final List<FindingCode> CODES = List.of(FindingCode.values());

    @Test
    void everyFindingCodeIsReadableWithSymbolWordNodesAndAction() {
        Severity[] sev = Severity.values();
        List<Finding> all = new ArrayList<>();
        for (int i = 0; i < CODES.size(); i++) {
            all.add(new Finding(sev[1 + i % 3], CODES.get(i), List.of("node-" + (1 + i % 3)), "sentence " + i, "do " + i));
        }
        ClusterSnapshot s = Clusters.lab().withFindings(all);
        String t = render(s, 200, 160, "monochrome").text();   // tall enough for every code at once
        for (Finding f : s.findings()) {
            assertThat(t).contains(f.severity().symbol() + " " + String.format("%-4s", f.severity().word()) + " " + f.code()
                    + " [" + f.nodes().get(0) + "] " + f.message());
        }
        assertThat(t).contains("→ do 0");
        String small = render(s, 80, 24, "dark").text();
        assertThat(small).contains("✗ CRIT", "findings in all");
    }

    @Test
    void drbdResyncShowsAProgressBar() {
        String t = render(Clusters.drbdScenario(2), 120, 40, "dark").text();
        assertThat(t).contains("SyncSource", "57.3%", "32 s left", "█", "░");
    }

    @Test
    void asciiGlyphsForTerminalsWithoutUtf8() {
        Rendered r = Rendered.of(Clusters.unreachable("node-2"), 120, 40, Rendered.frame("dark", Glyphs.ASCII, false),
                new UiState(), List.of());
        assertThat(r.text()).contains("+-", "X node-2").doesNotContain("┌", "✓", "✗", "·");
        assertThat(r.text().chars()).allMatch(ch -> ch < 128);
    }

    @Test
    void headerShowsBadgesAndTheEventLogShowsChanges() {
        RenderContext f = new RenderContext(ThemeLoader.load("dark"), Glyphs.UNICODE, Clusters.NOW, java.time.ZoneOffset.UTC,
                Clusters.thresholds(), true, true, "alice@bastion", new LagHistory(10));
        List<Event> events = EventDetector.between(Clusters.healthyPrimaryTwoStandbys(), Clusters.primaryDown());
        UiState ui = new UiState();
        ui.paused = true;
        String t = Rendered.of(Clusters.primaryDown(), 120, 40, f, ui, events).text();
        assertThat(t).contains("lock: alice@bastion", "READ-ONLY", "PAUSED", "p resume",
                "03:00:00 ✗ CRIT no writable primary (was node-1)",
                "03:00:00 ! WARN node-1: PostgreSQL unreachable: connection refused (127.0.0.2:5432)");
    }

    @Test
    void detailViewShowsEveryFieldReadForTheNode() {
        UiState ui = new UiState();
        ui.view = UiState.View.DETAIL;
        ui.selected = "node-1";
        String t = Rendered.of(Clusters.lab(), 120, 200, Rendered.frame("dark", Glyphs.UNICODE, false), ui, List.of()).text();
        assertThat(t).contains("currentLsn: 0/5A3C2F8", "HA manager member", "apiUrl: http://127.0.0.2:8008/patroni", "PostgreSQL",
                "pg_stat_replication (2 rows)", "applicationName: node-2", "syncState: async", "etcd member",
                "raftIndex: 10234", "Elasticsearch node", "heapPercent: 34", "Findings naming node-1");
        ui.selected = "drbd-a";
        ui.detailScroll = 0;
        String d = Rendered.of(Clusters.lab(), 120, 40, Rendered.frame("dark", Glyphs.UNICODE, false), ui, List.of()).text();
        assertThat(d).contains("raw text as read:", "cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate");
    }

    @Test
    void helpIsGeneratedFromTheBindingsAndShowsTheLogFile() {
        UiState ui = new UiState();
        ui.view = UiState.View.HELP;
        String t = Rendered.of(Clusters.lab(), 120, 40, Rendered.frame("dark", Glyphs.UNICODE, false), ui, List.of()).text();
        assertThat(t).contains("Up k", "select the node above", "Enter", "q", "quit", "log file: /var/log/hadeck.log",
                "P", "promote the selected standby", "disabled: guided actions not available yet");
        String ro = Rendered.of(Clusters.lab(), 120, 40, Rendered.frame("dark", Glyphs.UNICODE, true), ui, List.of()).text();
        assertThat(ro).doesNotContain("promote the selected standby").contains("READ-ONLY: keys that change the cluster are hidden");
        assertThat(t.split("disabled: guided actions not available yet", -1)).as("the reason is said once").hasSize(2);
        Rendered small = Rendered.of(Clusters.lab(), 80, 24, Rendered.frame("dark", Glyphs.UNICODE, false), ui, List.of());
        assertThat(small.text()).contains("log file: /var/log/hadeck.log", "j/k scroll", "Up k");
        assertThat(small.rows).allMatch(r -> r.length() <= 80);
    }

    @Test
    void twoWritablePrimariesAreShoutedInTheHeaderAndOnBothNodes() {
        for (int[] size : SIZES) {
            Rendered r = render(Clusters.twoPrimaries(), size[0], size[1], "dark");
            assertThat(r.rows.get(0)).as(r.text()).contains("crit", FindingCode.PG_TWO_PRIMARIES.name());
            assertThat(r.text()).as(r.text()).contains("PG 2 WRITABLE PRIMARIES", "(split-brain)");
            assertThat(r.text().split("✗ PRIMARY too", -1)).as(r.text()).hasSize(3);
        }
    }

    @Test
    void bigFleetCondensesToOneLinePerNodeAndKeepsTheSelectionVisible() {
        ClusterSnapshot big = Clusters.bigFleet(300, 0.1);
        UiState ui = new UiState();
        ui.selected = "node-290";
        String t = Rendered.of(big, 120, 40, Rendered.frame("dark", Glyphs.UNICODE, false), ui, List.of()).text();
        assertThat(t).contains(" Nodes 300", "of 300", "✗ node-290", "unreachable: connect timed out", "30 unreachable");
    }

    @Test
    void waitingForTheFirstSnapshot() {
        String t = Rendered.of(null, 80, 24, Rendered.frame("dark", Glyphs.UNICODE, false), new UiState(), List.of()).text();
        assertThat(t).contains("waiting for the first readings");
    }
}
