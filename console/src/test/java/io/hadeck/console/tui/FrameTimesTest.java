package io.hadeck.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The frame-time line the soak reads: percentiles from a histogram, never above the slowest frame. */
class FrameTimesTest {

    @Test
    void aQuietConsoleDrawsInAMillisecondAndOneSlowFrameShowsAsTheMaximum() {
        FrameTimes f = new FrameTimes();
        for (int i = 0; i < 99; i++) {
            f.add(1_050_000);          // 1.05 ms
        }
        f.add(250_000_000);            // one 250 ms frame: a resize on a loaded host

        assertThat(f.count()).isEqualTo(100);
        assertThat(f.quantile(0.50)).isEqualTo(Duration.ofNanos(1_100_000));
        assertThat(f.quantile(0.99)).isEqualTo(Duration.ofNanos(1_100_000));
        assertThat(f.max()).isEqualTo(Duration.ofMillis(250));
        assertThat(f.summary()).isEqualTo("n=100 p50 1.1 ms p99 1.1 ms max 250.0 ms");
    }

    @Test
    void theTailIsTheSlowFramesWhenThereAreEnoughOfThem() {
        FrameTimes f = new FrameTimes();
        for (int i = 0; i < 98; i++) {
            f.add(2_000_000);
        }
        f.add(40_000_000);
        f.add(12_000_000_000L);        // beyond the last bucket: counted there, reported as the true maximum

        assertThat(f.quantile(0.99)).isEqualTo(Duration.ofNanos(40_100_000));
        assertThat(f.quantile(1.0)).isEqualTo(Duration.ofSeconds(12));
        assertThat(f.max()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void beforeTheFirstFrameThereIsNothingToReport() {
        assertThat(new FrameTimes().summary()).isEqualTo("n=0 p50 0.0 ms p99 0.0 ms max 0.0 ms");
    }
}
