package io.hadeck.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.model.ReadProgress;
import io.hadeck.testkit.ClusterBuilder;
import io.hadeck.testkit.Clusters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reading whose next read has not landed within its source's detection window (poll interval
 * + 1 s) is the last thing hadeck knew, not the truth now: the console and status --json say so.
 * The lab polls PostgreSQL every 1 s and DRBD every 2 s.
 */
class LatenessTest {

    @Test
    void aDrbdReadingHeldBackBySlowSshIsLateOnlyOnItsOwnNode() {
        ClusterBuilder b = Clusters.labBuilder().stale("drbd-a", Duration.ofMillis(3500));
        assertThat(Lateness.of(b.build(), b.config(), Clusters.NOW)).containsExactly("drbd-a/DRBD");
    }

    @Test
    void theWindowIsTheSourcesOwnPollIntervalPlusOneSecond() {
        ClusterBuilder b = Clusters.labBuilder().stale("drbd-a", Duration.ofMillis(2500)).stale("node-2", Duration.ofMillis(2500));
        assertThat(Lateness.of(b.build(), b.config(), Clusters.NOW))
                .as("2.5 s is inside DRBD's 2 s + 1 s, past PostgreSQL's, etcd's and Patroni's 1 s + 1 s")
                .contains("node-2/PG", "node-2/etcd", "node-2/HA").doesNotContain("drbd-a/DRBD", "node-2/ES");
    }

    @Test
    void aRefusedConnectionNineSecondsAgoSaysNothingOfNowEither() {
        // the standby came back while the next login waited for a loaded host
        ClusterBuilder b = Clusters.labBuilder().unreachable("node-3", "connection refused").stale("node-3", Duration.ofSeconds(9));
        assertThat(Lateness.of(b.build(), b.config(), Clusters.NOW)).contains("node-3/PG");
    }

    @Test
    void aRefusalJustReadIsNews() {
        ClusterBuilder b = Clusters.labBuilder().unreachable("node-3", "connection refused");
        assertThat(Lateness.of(b.build(), b.config(), Clusters.NOW)).noneMatch(k -> k.startsWith("node-3/"));
    }

    @Test
    void freshReadingsAreNeverLate() {
        ClusterBuilder b = Clusters.labBuilder();
        assertThat(Lateness.of(b.build(), b.config(), Clusters.NOW)).isEmpty();
        assertThat(ReadProgress.COMPLETE.late("drbd-a", "DRBD")).isFalse();
    }
}
