package io.hadeck.probe.chef;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.model.Observation;
import io.hadeck.probe.Recorded;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;
import io.hadeck.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One Chef Backend node's checks as one ssh login: the node's answers come back in one batch, its
 * clock is read first and last in it, and what failed on the node is said for that check alone.
 */
class ChefNodeReaderTest {
    static final Instant THREE_AM = Instant.parse("2026-12-01T03:00:00Z");
    static final Pattern MARK = Pattern.compile("echo (@@hadeck-[0-9a-f]+) \\$\\?");
    static final String MANIFEST = "/opt/chef-backend/version-manifest.json";

    @TempDir
    Path dir;

    /** The node's answers, in the batch's order; counts the logins. */
    static final class Node extends SshRunner {
        final List<List<String>> logins = new ArrayList<>();
        final List<String> stdout;
        final List<Integer> exits;
        final int loginExit;
        final String loginStderr;

        Node(List<String> stdout, List<Integer> exits) {
            this(stdout, exits, 0, "");
        }

        Node(List<String> stdout, List<Integer> exits, int loginExit, String loginStderr) {
            this.stdout = stdout;
            this.exits = exits;
            this.loginExit = loginExit;
            this.loginStderr = loginStderr;
        }

        @Override
        public Result run(NodeTarget target, List<String> command, Duration timeout) {
            logins.add(command);
            if (loginExit != 0) {
                return new Result(loginExit, "", loginStderr, Duration.ofMillis(5));
            }
            Matcher m = MARK.matcher(command.get(2));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < stdout.size() && m.find(); i++) {
                out.append(stdout.get(i)).append(m.group(1)).append(' ').append(exits.get(i)).append('\n');
            }
            return new Result(0, out.toString(), "", Duration.ofMillis(20));
        }
    }

    ClusterConfig cluster() throws IOException {
        Path file = dir.resolve("hadeck.yaml");
        Files.writeString(file, """
                clusters:
                  - name: chef
                    manager: chef-backend
                    chefBackend: {vip: 10.0.1.10}
                    nodes:
                      - name: be-1
                        host: 10.0.1.2
                      - name: be-2
                        host: 10.0.1.3
                """);
        return ConfigLoader.load(file).pick(null);
    }

    ChefNodeReader reader(SshRunner ssh) throws IOException {
        ClusterConfig c = cluster();
        // our clock: every look at it one second after the last, as if each took the login's round trip
        return new ChefNodeReader(c, c.node("be-1").orElseThrow(), ssh, new TestClock(THREE_AM, Duration.ofSeconds(1)));
    }

    static String clock(double secondsAfterThreeAm) {
        return String.format(java.util.Locale.ROOT, "%.9f\n", THREE_AM.getEpochSecond() + secondsAfterThreeAm);
    }

    /** be-2's ports as the probe prints them: all open but leaderl's. */
    String ports() throws IOException {
        return reader(new SshRunner()).asked().stream().map(p -> p.host() + " " + p.port() + (p.port() == 7331 ? " closed" : " open"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void everyCheckComesBackFromOneLoginAndTheClockIsTimedInsideIt() throws IOException {
        Node node = new Node(List.of(clock(5.2), Recorded.text("chef-backend-status.lab-emulator.txt"),
                "2: eth0    inet 10.0.1.2/24 brd 10.0.1.255 scope global eth0\n2: eth0    inet 10.0.1.10/32 scope global eth0\n",
                "{\"build_version\": \"2.3.16\"}\n", ports(), clock(5.4)), List.of(0, 0, 0, 0, 0, 0));
        Observation<ChefNodeChecks> o = reader(node).read();

        assertThat(o.isOk()).as(o.error()).isTrue();
        assertThat(node.logins).hasSize(1);
        ChefNodeChecks k = o.value();
        // asked at 03:00:00, answered at 03:00:01; the node spent 0.2 s after its first reading:
        // it read 03:00:05.2 somewhere in the 0.8 s from 03:00:00, so 4.8 s ahead, give or take 0.4 s
        assertThat(k.clockOffsetSeconds()).isCloseTo(4.8, within(1e-6));
        assertThat(k.clockUncertaintySeconds()).isCloseTo(0.4, within(1e-6));
        assertThat(k.services()).extracting(ChefNodeChecks.Service::name).containsExactly("elasticsearch", "etcd", "leaderl", "postgresql");
        assertThat(k.holdsVip()).isTrue();
        assertThat(k.version()).isEqualTo("2.3.16");
        assertThat(k.ports()).filteredOn(p -> !p.open()).extracting(ChefNodeChecks.Port::service).containsExactly("leaderl");
    }

    @Test
    void whatFailedOnTheNodeIsSaidForThatCheckAlone() throws IOException {
        Node node = new Node(List.of("", Recorded.text("chef-backend-status.lab-emulator.txt"), "",
                "cat: " + MANIFEST + ": No such file or directory\n", ports(), ""), List.of(127, 0, 1, 1, 0, 127));
        Observation<ChefNodeChecks> o = reader(node).read();

        assertThat(o.isOk()).as(o.error()).isTrue();
        ChefNodeChecks k = o.value();
        assertThat(k.clockOffsetSeconds()).isNull();
        assertThat(k.holdsVip()).as("addresses not read: unknown, not 'no'").isNull();
        assertThat(k.version()).isNull();
        assertThat(k.versionError()).startsWith(MANIFEST + ": not a version manifest: cat: " + MANIFEST);
        assertThat(k.services()).hasSize(4);
    }

    @Test
    void aLoginThatFailsIsTheReadingsError() throws IOException {
        Node node = new Node(List.of(), List.of(), 255, "ssh: connect to host 10.0.1.2 port 22: Connection refused\n");
        Observation<ChefNodeChecks> o = reader(node).read();

        assertThat(o.isOk()).isFalse();
        assertThat(o.error()).isEqualTo("ssh: connection refused");
        assertThat(node.logins).hasSize(1);
    }
}
