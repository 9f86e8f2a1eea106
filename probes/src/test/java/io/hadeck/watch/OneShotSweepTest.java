package io.hadeck.watch;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.model.NodeView;
import io.hadeck.threads.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-shot sweep with its clock and executor given: what a `status` run reads is stamped with the
 * sweep's clock, never the wall clock, and a node whose PostgreSQL refuses the connection is shown
 * unreachable, not left out. The node's port is a real loopback port that was just closed.
 */
class OneShotSweepTest {
    static final Instant THREE_AM = Instant.parse("2026-12-01T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(THREE_AM, ZoneOffset.UTC);

    final ExecutorService workers = Executors.newThreadPerTaskExecutor(Threads.virtual("sweep-test"));

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    ClusterConfig clusterWithARefusingPostgres() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path file = dir.resolve("hadeck.yaml");
        Files.writeString(file, """
                clusters:
                  - name: tiny
                    nodes:
                      - name: db1
                        postgres: 127.0.0.1:%d
                """.formatted(closed));
        return ConfigLoader.load(file).pick(null);
    }

    @Test
    void everyReadingIsStampedWithTheSweepsClock() throws IOException {
        ClusterSnapshot s = new OneShotSweep(CLOCK, workers).read(clusterWithARefusingPostgres(), Duration.ofSeconds(20));
        assertThat(s.takenAt()).isEqualTo(THREE_AM);
        NodeView db1 = s.node("db1").orElseThrow();
        assertThat(db1.postgres().isOk()).isFalse();
        assertThat(db1.postgres().readAt()).isEqualTo(THREE_AM);
        assertThat(s.findings()).anyMatch(f -> f.code() == FindingCode.UNREACHABLE && f.nodes().contains("db1"));
    }

    @Test
    void aSourceNotAskedForStaysAbsent() throws IOException {
        ClusterSnapshot s = new OneShotSweep(CLOCK, workers).read(clusterWithARefusingPostgres(), Duration.ofSeconds(20),
                key -> !key.startsWith("postgres"));
        assertThat(s.takenAt()).isEqualTo(THREE_AM);
        assertThat(s.node("db1").orElseThrow().postgres()).isNull();
    }
}
