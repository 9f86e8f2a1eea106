package io.hadeck.actions.catalogue;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.drbd.DrbdRecoveryRunbook;
import io.hadeck.actions.patroni.SwitchoverRunbook;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests become runbooks in one place; a request that cannot make sense is refused before anything is read. */
class ActionCatalogueTest {
    final ActionKit kit = new ActionKit(Clusters.labBuilder().config(), Clock.systemUTC());

    @Test
    void everyKindHasItsRunbook() {
        assertThat(ActionCatalogue.runbook(kit, ActionRequest.of(ActionKind.PROMOTE, "lab", "node-2")))
                .isInstanceOf(SwitchoverRunbook.class);
        assertThat(ActionCatalogue.runbook(kit, ActionRequest.of(ActionKind.DRBD_RECOVER, "lab", null)))
                .isInstanceOf(DrbdRecoveryRunbook.class);
    }

    @Test
    void promotingANodeWithoutPostgresIsRefusedWithTheRightAction() {
        assertThatThrownBy(() -> ActionCatalogue.runbook(kit, ActionRequest.of(ActionKind.PROMOTE, "lab", "drbd-a")))
                .isInstanceOf(ActionException.class).hasMessage("drbd-a runs no PostgreSQL in cluster lab: promote is for"
                        + " PostgreSQL nodes (a DRBD pair is recovered with drbd recover, R in the console)");
    }

    @Test
    void aRequestForAnotherClusterIsNeverPlannedOnThisOne() {
        assertThatThrownBy(() -> ActionCatalogue.runbook(kit, ActionRequest.of(ActionKind.PROMOTE, "other", "node-2")))
                .isInstanceOf(ActionException.class).hasMessageContaining("for cluster other but the kit is for lab");
    }

    @Test
    void aVictimOutsideThePairIsRefused() {
        assertThatThrownBy(() -> ActionCatalogue.runbook(kit, new ActionRequest(ActionKind.DRBD_RECOVER, "lab", null,
                "node-1", null, null))).isInstanceOf(ActionException.class)
                .hasMessageContaining("node-1 is not a node of a DRBD pair");
    }
}
