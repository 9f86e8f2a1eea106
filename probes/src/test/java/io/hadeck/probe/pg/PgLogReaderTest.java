package io.hadeck.probe.pg;

import io.hadeck.model.ReceiverLog;
import io.hadeck.model.ReceiverLog.Cause;
import io.hadeck.probe.Recorded;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standby that does not stream is explained from its log, read over ssh. The log is run here as a
 * local command; a FIFO stands in for an ssh login that takes seconds on a loaded host: the read
 * blocks until the test writes the log into it.
 */
@Timeout(60)
class PgLogReaderTest {

    @TempDir
    Path dir;

    @Test
    void theWatcherGetsTheStandbysRoleAtOnceAndTheExplanationOnALaterReading() throws Exception {
        Path slowLog = fifo("postgresql.log");
        PgLogReader reader = reader(slowLog);

        // the ssh login has not answered: the reading goes out without an explanation, not late
        assertThat(reader.read(Duration.ZERO)).isNull();

        Files.writeString(slowLog, Recorded.text("pg15-log-connection-refused.txt"), StandardCharsets.UTF_8);
        ReceiverLog said = untilExplained(reader);
        assertThat(said.cause()).isEqualTo(Cause.CANNOT_CONNECT);
    }

    @Test
    void aOneShotStatusWaitsForTheExplanationWithinItsBudget() throws Exception {
        Path log = Files.writeString(dir.resolve("postgresql.log"), Recorded.text("pg15-log-timeline-behind.txt"));

        ReceiverLog said = reader(log).read(Duration.ofSeconds(30));

        assertThat(said.cause()).isEqualTo(Cause.TIMELINE_BEHIND);
    }

    @Test
    void aStandbyThatStreamedInBetweenStartsItsNextEpisodeWithoutTheOldComplaint() throws Exception {
        Path log = dir.resolve("postgresql.log");
        Files.writeString(log, Recorded.text("pg15-log-timeline-behind.txt"));
        PgLogReader reader = reader(log);
        assertThat(reader.read(Duration.ofSeconds(30)).cause()).isEqualTo(Cause.TIMELINE_BEHIND);

        reader.forget();   // it streamed again
        Files.delete(log);
        Path slowLog = fifo("postgresql.log");

        assertThat(reader.read(Duration.ZERO)).isNull();
        Files.writeString(slowLog, "", StandardCharsets.UTF_8);   // let the blocked read end
    }

    private PgLogReader reader(Path log) {
        return new PgLogReader(NodeTarget.local("node-3"), log.toString(), new SshRunner(), Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
        return p;
    }

    private static ReceiverLog untilExplained(PgLogReader reader) throws InterruptedException {
        ReceiverLog said = reader.read(Duration.ZERO);
        while (said == null) {
            Thread.sleep(50);
            said = reader.read(Duration.ZERO);
        }
        return said;
    }
}
