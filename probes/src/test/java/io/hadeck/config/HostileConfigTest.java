package io.hadeck.config;

import io.hadeck.config.load.ConfigLoader;
import io.hadeck.config.load.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A configuration written by someone else must not reach the operator's shell, terminal or secrets. */
class HostileConfigTest {

    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        Path f = dir.resolve("hadeck.yaml");
        Files.writeString(f, yaml);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        return f;
    }

    private List<String> problems(String yaml) throws IOException {
        return ConfigLoader.check(config(yaml)).stream().map(Problem::toString).toList();
    }

    private static String cluster(String ssh, String node) {
        return "clusters:\n  - name: c\n" + ssh + "    nodes:\n" + node;
    }

    @Test
    void anSshUserThatIsAnOptionIsRefusedAtItsLine() throws IOException {
        List<String> p = problems(cluster("    ssh:\n      user: \"-oProxyCommand=touch /tmp/x\"\n",
                "      - {name: a, host: 10.0.0.1, drbd: {resources: [r0]}}\n"));
        assertThat(p).containsExactly(dir.resolve("hadeck.yaml") + ":4: clusters[0].ssh.user is '-oProxyCommand=touch /tmp/x';"
                + " expected a login name of letters, digits, '.', '_' and '-' (not starting with '-')");
    }

    @Test
    void hostsNodeNamesResourcesAndPeersComeFromASafeAlphabet() throws IOException {
        List<String> p = problems(cluster("", """
                      - {name: "-a", host: 10.0.0.1}
                      - {name: b, host: "-oProxyCommand=x"}
                      - {name: c, host: "h\\e]0;x\\a"}
                      - {name: "d e", host: h, ssh: {user: "root@evil"}}
                      - {name: f, host: h, drbd: {resources: ["-r", "r0;reboot"]}}
                      - {name: g, postgres: "-h:5432"}
                """));
        assertThat(p).hasSize(8).allMatch(l -> l.startsWith(dir.resolve("hadeck.yaml") + ":"));
        assertThat(String.join("\n", p)).contains(":4: cluster c nodes[0].name is '-a'")
                .contains(":5: cluster c nodes[1].host is '-oProxyCommand=x'; expected a host name or IP address")
                .contains(":6: cluster c nodes[2].host contains a control character (the value is not shown here)")
                .contains(":7: cluster c nodes[3].name is 'd e'").contains("nodes[3].ssh.user is 'root@evil'")
                .contains(":8: cluster c nodes[4].drbd.resources has '-r'").contains("has 'r0;reboot'")
                .contains(":9: cluster c nodes[5].postgres is '-h:5432'")
                .doesNotContain("\u001b");
    }

    @Test
    void sshOptionsThatRunOrRedirectAreRefusedAndSafeOnesNormalised() throws IOException {
        List<String> p = problems(cluster("""
                    ssh:
                      options:
                        - ProxyCommand=touch /tmp/x
                        - proxyjump=bastion
                        - "Match exec true"
                        - LocalCommand=id
                        - KnownHostsCommand=/bin/sh
                        - ServerAliveInterval=-oX
                        - SendEnv=*
                """, "      - {name: a, host: h}\n"));
        assertThat(p).extracting(l -> l.substring(l.indexOf(':') + 1)).containsExactly(
                "5: clusters[0].ssh.options: 'ProxyCommand' runs a command and is never taken from a hadeck config",
                "6: clusters[0].ssh.options: 'proxyjump' changes where ssh connects; put it in your own ~/.ssh/config",
                "7: clusters[0].ssh.options: 'Match' runs a command and is never taken from a hadeck config",
                "8: clusters[0].ssh.options: 'LocalCommand' runs a command and is never taken from a hadeck config",
                "9: clusters[0].ssh.options: 'KnownHostsCommand' runs a command and is never taken from a hadeck config",
                "10: clusters[0].ssh.options: must be Key=Value with a value without spaces, quotes or control characters",
                "11: clusters[0].ssh.options: 'SendEnv' is not allowed (allowed: " + "AddressFamily, CheckHostIP, Ciphers, Compression, "
                        + "ConnectionAttempts, ConnectTimeout, GlobalKnownHostsFile, HashKnownHosts, HostKeyAlgorithms, "
                        + "HostKeyAlias, IdentitiesOnly, IdentityFile, IPQoS, KexAlgorithms, LogLevel, MACs, "
                        + "PreferredAuthentications, PubkeyAcceptedAlgorithms, PubkeyAcceptedKeyTypes, RekeyLimit, "
                        + "ServerAliveCountMax, ServerAliveInterval, StrictHostKeyChecking, TCPKeepAlive, UserKnownHostsFile)");
        ClusterConfig ok = ConfigLoader.load(config(cluster("    ssh:\n      options: [serveraliveinterval=5, \"Ciphers aes256-ctr\"]\n",
                "      - {name: a, host: h}\n"))).pick(null);
        assertThat(ok.ssh().options()).containsExactly("ServerAliveInterval=5", "Ciphers=aes256-ctr");
    }

    @Test
    void credentialsInsideAUrlAreRefusedWithoutEchoingThem() throws IOException {
        List<String> p = problems("""
                clusters:
                  - name: c
                    etcd: {endpoints: ["http://root:s3cret@10.0.0.1:2379"]}
                    nodes:
                      - {name: a, patroni: "https://u:s3cret@10.0.0.1:8008"}
                """);
        assertThat(p).hasSize(2).noneMatch(l -> l.contains("s3cret"));
        assertThat(p.get(0)).endsWith(":3: clusters[0].etcd.endpoints: credentials inside a URL are refused (the value"
                + " is not shown here); write username: and password: {file: /path/to/file} instead");
        assertThat(p.get(1)).contains(":5: cluster c nodes[0].patroni: credentials inside a URL are refused");
    }

    @Test
    void aConfigOthersCanWriteIsRefused() throws IOException {
        Path f = config(cluster("", "      - {name: a, host: h}\n"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessage(f + ": others can write this file (mode 0666); fix it: chmod go-w " + f);
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        String yaml = cluster("", "      - {name: a, host: h}\n").replace("    nodes:",
                "    postgres: {user: u, password: {file: " + secret + "}}\n    nodes:");
        assertThat(problems(yaml)).containsExactly(dir.resolve("hadeck.yaml") + ":3: clusters[0].postgres.password refers to "
                + secret + ", but others can read or write it (mode 0644); fix it: chmod 600 " + secret);
        assertThatThrownBy(() -> Secret.file(secret.toString()).reveal()).hasMessageEndingWith("chmod 600 " + secret);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        assertThat(problems(yaml)).isEmpty();
        assertThat(Secret.file(secret.toString()).reveal()).isEqualTo("s3cret");
    }

    @Test
    void endlessOrBinaryConfigIsOneProblemNotAnOutOfMemoryError() throws IOException {
        assertThat(ConfigLoader.check(Path.of("/dev/zero"))).extracting(Problem::toString)
                .containsExactly("/dev/zero: not text: byte 0x00 at offset 0");
        Path big = Files.writeString(dir.resolve("big.yaml"), "#".repeat((1 << 20) + 1));
        assertThat(ConfigLoader.check(big)).extracting(Problem::toString)
                .containsExactly(big + ": larger than 1 MiB; hadeck reads at most that much");
        Path bin = Files.write(dir.resolve("bin.yaml"), new byte[] {'a', ':', ' ', 'b', '\n', (byte) 0xff, 'x'});
        assertThat(ConfigLoader.check(bin)).extracting(Problem::toString)
                .containsExactly(bin + ": not UTF-8 text: byte 0xff at offset 5");
    }
}
