package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import static io.hadeck.console.PairSnapshots.node;
import static io.hadeck.console.PairSnapshots.pair;

import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.KeepalivedProcess;
import io.hadeck.model.VrrpState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A keepalived pair on the console: each node's card has its VRRP state, the VIP, the mount and the
 * services with the owner marked, and the header names the pair's owner, or says loudly that the
 * VIP is on both nodes after the owner's keepalived hung.
 */
class PairCardTest {
    static String screen(ClusterSnapshot s, int cols, int rows) {
        return Rendered.of(s, cols, rows, Rendered.frame("dark", Glyphs.UNICODE, false), new UiState(), List.of()).text();
    }

    @Test
    void theOwnersCardIsMarkedAndTheHeaderNamesIt() {
        String wide = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false)), 160, 45);
        assertThat(wide).contains("pair owner drbd-a").contains("VRRP MASTER * owner · VIP 10.77.0.100")
                .contains("mounted · 3/3 services up").contains("VRRP BACKUP · no VIP").contains("not mounted · services stopped");
        String narrow = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false)), 80, 24);
        assertThat(narrow).contains("pair owner drbd-a").contains("VRRP MASTER * owner · VIP 10.77.0.100");
    }

    /** `hadeck status` names the pair's owner in its first line, as the console's header does. */
    @Test
    void statusNamesThePairsOwnerOrSaysThereIsNone() {
        ClusterSnapshot owned = pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, true),
                node("drbd-a", VrrpState.BACKUP, KeepalivedProcess.State.RUNNING, false, false));
        assertThat(new io.hadeck.console.output.StatusView(owned).text(io.hadeck.console.output.Symbols.ascii()).lines()
                .findFirst().orElseThrow()).endsWith("pair drbd-a+drbd-b owner drbd-a");
        ClusterSnapshot both = pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.FROZEN, true, true),
                node("drbd-a", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, false));
        assertThat(new io.hadeck.console.output.StatusView(both).text(io.hadeck.console.output.Symbols.ascii()).lines()
                .findFirst().orElseThrow()).endsWith("pair drbd-a+drbd-b NO OWNER");
    }

    @Test
    void aFrozenOwnerWithThePeerAlsoHoldingTheVipIsShoutedOnTheHeaderAndTheCard() {
        String wide = screen(pair(node("drbd-b", VrrpState.MASTER, KeepalivedProcess.State.FROZEN, true, true),
                node("drbd-a", VrrpState.MASTER, KeepalivedProcess.State.RUNNING, true, false)), 160, 45);
        assertThat(wide).contains("pair NO OWNER · VIP_ON_BOTH").contains("✗ keepalived frozen");
    }
}
