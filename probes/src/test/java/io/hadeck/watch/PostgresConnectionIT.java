package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.probe.pg.PostgresReader;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which is cheaper for 1 s polls: one kept connection per node, or a fresh (SCRAM) login per read. */
class PostgresConnectionIT {

    @Test
    void keptConnectionIsCheaperThanALoginPerRead() {
        Lab.awaitHealthy(Duration.ofSeconds(120));
        ClusterConfig cfg = LabCluster.config();
        long kept = median(cfg, true);
        long fresh = median(cfg, false);
        System.out.println("[figure] PostgreSQL read, median of 15: kept connection " + kept + " µs, new login each read "
                + fresh + " µs");
        assertThat(kept).isLessThan(fresh);
    }

    private static long median(ClusterConfig cfg, boolean keep) {
        try (PostgresReader r = new PostgresReader(cfg, cfg.node("node-2").orElseThrow(), keep, Clock.systemUTC())) {
            r.read();  // warm-up
            long[] t = new long[15];
            for (int i = 0; i < t.length; i++) {
                Observation<PgInstance> o = r.read();
                assertThat(o.isOk()).as(String.valueOf(o.error())).isTrue();
                t[i] = o.took().toNanos() / 1000;
            }
            java.util.Arrays.sort(t);
            return t[t.length / 2];
        }
    }
}
