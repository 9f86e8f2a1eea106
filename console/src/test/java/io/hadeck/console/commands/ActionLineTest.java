package io.hadeck.console.commands;

import io.hadeck.actions.catalogue.ActionKind;
import io.hadeck.actions.catalogue.ActionRequest;
import io.hadeck.testkit.Clusters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An action typed on the console's `:` line opens the same dialog as its key, for the cluster on screen. */
class ActionLineTest {

    @Test
    void promoteOnTheCommandLineOfTheConsoleOpensTheDialog() {
        TestShell t = TestShell.of(Clusters.lab());
        List<ActionRequest> opened = new ArrayList<>();
        t.session.asking().actionDialogs(opened::add);
        assertThat(t.line("promote node-2")).isZero();
        assertThat(t.out()).as("the dialog says everything; the console stays on its view").isEmpty();
        assertThat(opened).containsExactly(ActionRequest.of(ActionKind.PROMOTE, "lab", "node-2"));
    }

    @Test
    void drbdRecoverCarriesTheVictimTheResourceAndTheFencedStatement() {
        TestShell t = TestShell.of(Clusters.lab());
        List<ActionRequest> opened = new ArrayList<>();
        t.session.asking().actionDialogs(opened::add);
        assertThat(t.line("drbd recover --victim drbd-a --resource pc0 --peer-fenced drbd-b")).isZero();
        assertThat(opened).containsExactly(new ActionRequest(ActionKind.DRBD_RECOVER, "lab", "drbd-a", "drbd-a", "pc0",
                "drbd-b"));
    }

    @Test
    void aNodeThatIsNotConfiguredIsAUsageErrorBeforeAnything() {
        TestShell t = TestShell.of(Clusters.lab());
        List<ActionRequest> opened = new ArrayList<>();
        t.session.asking().actionDialogs(opened::add);
        assertThat(t.line("promote node-9")).isEqualTo(2);
        assertThat(t.err()).contains("no node named 'node-9'");
        assertThat(opened).isEmpty();
    }
}
