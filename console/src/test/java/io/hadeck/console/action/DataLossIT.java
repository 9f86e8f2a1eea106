package io.hadeck.console.action;

import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A split-brain recovery discards the victim's writes: from the command line and from batch files it
 * needs --accept-data-loss beside --yes, and -y before the command never stands in for it.
 */
class DataLossIT {
    @TempDir
    Path dir;

    @BeforeEach
    void splitBrain() {
        Lab.run("fault", "drbd-split-brain");
    }

    @AfterEach
    void reset() {
        Lab.run("fault", "drbd-reset");
        Lab.awaitHealthy(Duration.ofSeconds(60));
    }

    /** Roles and connection states of the pair; oos is left out, a Primary cut off from its peer keeps writing. */
    String pair() {
        return Lab.tryRun(Duration.ofSeconds(60), "status").stdout().lines().filter(l -> l.startsWith("drbd-sim"))
                .map(l -> l.replaceAll("oos:\\d+", "oos:#")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void yesWithoutAcceptDataLossIsRefusedAndNothingChanges() {
        ActionLab lab = new ActionLab(dir);
        String before = pair();
        ActionLab.Run r = lab.hadeck("drbd", "recover", "--victim", "drbd-a", "--yes");
        assertThat(r.exit()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("--yes alone does not accept that; add --accept-data-loss; nothing was done");
        assertThat(r.out()).contains("DATA LOSS").contains("drbd-a's changes since the split");
        assertThat(pair()).isEqualTo(before);
        assertThat(lab.auditLines()).last().satisfies(a -> assertThat(a.result()).isEqualTo("not-confirmed"));
    }

    @Test
    void aBatchFileNeedsBothFlagsAndGlobalYesIsNotEnough() throws Exception {
        ActionLab lab = new ActionLab(dir);
        String before = pair();
        Path file = dir.resolve("recover.hd");
        Files.writeString(file, "drbd recover --victim drbd-a\n");
        ActionLab.Run r = lab.hadeck("-y", "run", file.toString());
        assertThat(r.exit()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("add --accept-data-loss");
        assertThat(pair()).isEqualTo(before);

        Files.writeString(file, "drbd recover --victim drbd-a --yes --accept-data-loss\n");
        ActionLab.Run done = lab.hadeck("run", file.toString());
        assertThat(done.exit()).as(done.all()).isZero();
        assertThat(pair()).contains("drbd-a: cs:Connected").contains("drbd-b: cs:Connected");
        assertThat(lab.auditLines()).anySatisfy(a -> assertThat(a.detail())
                .isEqualTo("LOSE DATA accepted in advance (--yes --accept-data-loss)"));
    }
}
