package io.hadeck.probe.ssh;

import io.hadeck.probe.ProbeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshRunnerTest {

    private final SshRunner runner = new SshRunner(ConnectionSharing.NONE);

    @Test
    void sshArgvIsBatchModeWithStrictHostKeysAndQuotedRemoteWords() {
        NodeTarget t = new NodeTarget("drbd-a", false, "127.0.7.5", 2222, "hadecklab", "/k/lab_key", "/k/known_hosts",
                Duration.ofSeconds(3), List.of());
        assertThat(runner.argv(t, List.of("drbdadm", "status", "r 0"))).containsExactly(
                "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=3", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=/k/known_hosts", "-o", "IdentitiesOnly=yes", "-i", "/k/lab_key",
                "-p", "2222", "-l", "hadecklab", "--", "127.0.7.5", "drbdadm", "status", "'r 0'");
    }

    @Test
    void configuredOptionsComeFirstSoTheyTakeEffectAndOnlyAllowedOnesPass() {
        NodeTarget t = new NodeTarget("a", false, "h", 22, null, null, null, Duration.ofSeconds(3),
                List.of("ServerAliveInterval=5"));
        assertThat(runner.argv(t, List.of("true"))).containsExactly("ssh", "-o", "BatchMode=yes",
                "-o", "ServerAliveInterval=5", "-o", "ConnectTimeout=3", "-o", "StrictHostKeyChecking=yes",
                "-p", "22", "--", "h", "true");
    }

    @Test
    void sharedConnectionsComeAfterTheConfiguredOptionsSoControlMasterNoTurnsThemOff() {
        NodeTarget t = new NodeTarget("a", false, "h", 22, null, null, null, Duration.ofSeconds(3),
                List.of("ControlMaster=no"));
        assertThat(new SshRunner(ConnectionSharing.in(Path.of("/run/user/7/hadeck-ssh"))).argv(t, List.of("true")))
                .containsExactly("ssh", "-o", "BatchMode=yes", "-o", "ControlMaster=no", "-o", "ConnectTimeout=3",
                        "-o", "StrictHostKeyChecking=yes", "-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/7/hadeck-ssh/%C",
                        "-o", "ControlPersist=10", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3",
                        "-p", "22", "--", "h", "true");
    }

    @Test
    void controlSocketsLiveOnlyInADirectoryNobodyElseMayEnter(@TempDir Path tmp) throws Exception {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Path mine = Files.createDirectory(tmp.resolve("mine"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), mine);
        assertThat(ConnectionSharing.whyNotPrivate(mine, uid)).isNull();
        assertThat(ConnectionSharing.whyNotPrivate(open, uid)).isEqualTo("may be entered by others (mode 755)");
        assertThat(ConnectionSharing.whyNotPrivate(link, uid)).isEqualTo("is not a directory");
        assertThat(ConnectionSharing.whyNotPrivate(mine, uid + 1)).isEqualTo("belongs to uid " + uid);
    }

    @Test
    void aTargetNotBuiltFromACheckedConfigCannotSmuggleAnOption() {
        NodeTarget user = new NodeTarget("a", false, "h", 22, "-oProxyCommand=touch /tmp/x", null, null,
                Duration.ofSeconds(3), List.of());
        NodeTarget host = new NodeTarget("a", false, "-oProxyCommand=x", 22, null, null, null, Duration.ofSeconds(3), List.of());
        NodeTarget option = new NodeTarget("a", false, "h", 22, null, null, null, Duration.ofSeconds(3),
                List.of("ProxyCommand=touch /tmp/x"));
        assertThatThrownBy(() -> runner.argv(user, List.of("true"))).isInstanceOf(ProbeException.class)
                .hasMessage("refusing to run ssh for node a: its host or login is not a plain name");
        assertThatThrownBy(() -> runner.argv(host, List.of("true"))).isInstanceOf(ProbeException.class);
        assertThatThrownBy(() -> runner.argv(option, List.of("true"))).isInstanceOf(ProbeException.class)
                .hasMessage("refusing to run ssh for node a: ssh option 'ProxyCommand' runs a command and is never "
                        + "taken from a hadeck config");
    }

    @Test
    void localRunReturnsOutputAndExitCode() {
        SshRunner.Result r = runner.run(NodeTarget.local("here"), List.of("sh", "-c", "echo out; echo err >&2; exit 3"),
                Duration.ofSeconds(5));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("out\n");
        assertThat(r.failureText()).isEqualTo("exit 3: err");
    }

    @Test
    void overrunIsKilledAndReportedAsTimeout() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> runner.run(NodeTarget.local("here"), List.of("sleep", "10"), Duration.ofMillis(300)))
                .isInstanceOf(ProbeException.class).hasMessage("timed out after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void sshLoginFailureIsOneLine() {
        SshRunner.Result r = new SshRunner.Result(255, "", "Warning: x\nhadecklab@h: Permission denied (publickey).\n",
                Duration.ZERO);
        assertThat(r.failureText()).isEqualTo("ssh: authentication failed");
    }
}
