package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.fleet.FleetRow;
import io.hadeck.model.Severity;
import io.hadeck.testkit.Clusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet view as an operator reads it: worst first, the selection marked, severity in symbols too. */
class FleetPaneTest {

    @Test
    void theFleetViewListsEveryClusterWorstFirstWithTheSelectionMarked() {
        UiState ui = new UiState();
        ui.view = UiState.View.FLEET;
        ui.fleet = List.of(
                new FleetRow("orders", "patroni", Severity.CRIT, "PG_TWO_PRIMARIES: two writable primaries", "node-1+node-2",
                        null, Clusters.NOW.minusSeconds(65)),
                new FleetRow("billing", "patroni", Severity.OK, null, "node-1", 48L << 20, null),
                new FleetRow("chef", "drbd pair", Severity.OK, null, "drbd-a", null, null));
        ui.fleetIndex = 1;
        String t = String.join("\n", Rendered.of(Clusters.lab(), 120, 30, Rendered.frame("dark", Glyphs.UNICODE, false), ui,
                List.of()).rows);
        assertThat(t).contains("Fleet: 3 clusters, worst first");
        int orders = t.indexOf("orders");
        int billing = t.indexOf("billing");
        assertThat(orders).isPositive().isLessThan(billing);
        assertThat(t).contains("✗  orders").contains("node-1+node-2").contains("1m05s ago")
                .contains("PG_TWO_PRIMARIES: two writable primaries").contains("48 MiB").contains("drbd pair");
        assertThat(t.lines().filter(l -> l.startsWith("> ")).toList()).singleElement().asString().contains("billing");
    }

    @Test
    void fKeyIsInTheHelpOverlay() {
        UiState ui = new UiState();
        ui.view = UiState.View.HELP;
        String t = String.join("\n", Rendered.of(Clusters.lab(), 160, 45, Rendered.frame("dark", Glyphs.UNICODE, false), ui,
                List.of()).rows);
        assertThat(t).contains("the fleet: every configured cluster, worst first")
                .contains("scroll the event log back (past this session: into the journal)");
    }
}
