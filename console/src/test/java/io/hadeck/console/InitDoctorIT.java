package io.hadeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
import io.hadeck.testkit.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run on a bastion host, against the real lab: `hadeck init` from one starting point
 * writes a config that `config check` passes and `status --json` reads; `hadeck doctor` passes on
 * the lab's config and names, in one line each, a secret others can read and a stopped etcd member.
 */
class InitDoctorIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void labIsHealthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    private static Lab.Result hadeck(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Lab.repo().resolve("scripts/hadeck").toString()));
        cmd.addAll(List.of(args));
        return Lab.exec(cmd, Duration.ofSeconds(120));
    }

    /** init with the lab's secrets by file, ssh settings, then the given starting point. */
    private Lab.Result init(Path out, String... from) {
        Path lab = Lab.dir();
        List<String> args = new ArrayList<>(List.of("init", "--out", out.toString(), "--insecure",
                "--patroni-user", "hadeck",
                "--patroni-password-file", lab.resolve("secrets/patroni-api.password").toString(),
                "--pg-password-file", lab.resolve("secrets/pg-monitor.password").toString(), "--pg-sslmode", "disable",
                "--ssh-user", "hadecklab", "--ssh-port", "2222", "--ssh-identity", lab.resolve("ssh/lab_key").toString(),
                "--ssh-known-hosts", lab.resolve("ssh/known_hosts").toString()));
        args.addAll(List.of(from));
        return hadeck(args.toArray(String[]::new));
    }

    private static void checksAndReads(Path config, Lab.Result init) throws Exception {
        assertThat(init.exitCode()).as(init.stdout() + init.stderr()).isEqualTo(0);
        assertThat(init.stdout()).contains("wrote " + config).contains(config + ": ok").contains("node-1");
        String text = Files.readString(config);
        assertThat(text).contains("{file: ").doesNotContain(Lab.secret("pg-monitor.password"))
                .doesNotContain(Lab.secret("patroni-api.password"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        Lab.Result check = hadeck("config", "check", config.toString());
        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isEqualTo(0);
        Lab.Result status = hadeck("--config", config.toString(), "status", "--json");
        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isIn(0, 1);
        JsonNode j = Json.mapper().readTree(status.stdout());
        assertThat(j.get("nodes").findValuesAsText("pgRole")).contains("primary").doesNotContain("null");
    }

    @Test
    void initFromOneEtcdEndpointFindsThePatroniClusterAndTheDrbdPair() throws Exception {
        Path config = dir.resolve("from-etcd.yaml");
        Lab.Result r = init(config, "--etcd", "http://" + Lab.host("node-2") + ":2379",
                "--drbd-pair", "drbd-a=" + Lab.net() + ".5,drbd-b=" + Lab.net() + ".6",
                "--pair-services", "postgresql,rabbitmq,solr");
        checksAndReads(config, r);
        assertThat(r.stdout()).contains("found Patroni cluster lab under /service/")
                .contains("DRBD on drbd-a (" + Lab.net() + ".5): pc0");
        // keepalived found on both nodes: the file its command line names, the VIP in it, the mount on the owner
        JsonNode pair = Json.mapper().readTree(Lab.dir().resolve("pair/pair.json").toFile());
        String vip = pair.get("vip").asText();
        assertThat(r.stdout()).containsPattern("keepalived on drbd-a: keepalived running \\(.*/pair/drbd-a/keepalived.conf\\), VIP "
                        + java.util.regex.Pattern.quote(vip))
                .contains("DRBD mounted on " + pair.get("mountpoint").asText());
        // Two clusters written, two read: the Patroni cluster's status, then the pair's.
        assertThat(r.stdout()).contains("--cluster lab status").contains("--cluster pair status")
                .containsPattern("(?m)^drbd-b +" + java.util.regex.Pattern.quote(Lab.net() + ".6"));
        assertThat(Files.readString(config)).contains("resources: [\"pc0\"]").contains("http://" + Lab.host("node-3") + ":2379")
                .contains("keepalived: {vip: \"" + vip + "\", mount: \"" + pair.get("mountpoint").asText()
                        + "\", services: [\"postgresql\", \"rabbitmq\", \"solr\"]}");
        // the pair's ownership is read with what init wrote: its owner is named
        Lab.Result owner = hadeck("--config", config.toString(), "--cluster", "pair", "pair", "status", "--json");
        assertThat(Json.mapper().readTree(owner.stdout()).path("pairs").path(0).path("owner").asText(null))
                .as(owner.stdout() + owner.stderr()).isIn("drbd-a", "drbd-b");
    }

    @Test
    void initFromOnePatroniUrl() throws Exception {
        Path config = dir.resolve("from-patroni.yaml");
        checksAndReads(config, init(config, "--patroni", "http://" + Lab.host("node-1") + ":8008"));
    }

    @Test
    void initFromTheLabsPatroniYaml() throws Exception {
        Path config = dir.resolve("from-yaml.yaml");
        Lab.Result r = init(config, "--patroni-yaml", Lab.dir().resolve("data/patroni/node-3.yml").toString());
        checksAndReads(config, r);
        assertThat(Files.readString(config)).contains("etcd:").contains("node-2");
    }

    @Test
    void initRefusesToOverwriteAndSaysWhyInOneLine() throws Exception {
        Path config = dir.resolve("exists.yaml");
        Files.writeString(config, "keep me\n");
        Lab.Result r = hadeck("init", "--out", config.toString(), "--etcd", "http://" + Lab.host("node-1") + ":2379");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).isEqualTo("hadeck: init: " + config + " exists; give --force to overwrite it, or --out FILE");
        assertThat(Files.readString(config)).isEqualTo("keep me\n");
        Lab.Result bad = hadeck("init", "--out", dir.resolve("x.yaml").toString(), "--etcd", "http://" + Lab.net() + ".9:2379",
                "--timeout", "2s");
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.stderr().strip().lines()).hasSize(1);
        assertThat(bad.stderr()).startsWith("hadeck: init: etcd http://" + Lab.net() + ".9:2379: ");
    }

    @Test
    void doctorPassesOnTheLabsConfig() {
        Lab.Result r = hadeck("doctor", Lab.configPath().toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(0);
        assertThat(r.stdout()).contains("checks passed");
    }

    @Test
    void doctorNamesASecretOthersCanRead() throws Exception {
        Path secret = Lab.dir().resolve("secrets/pg-monitor.password");
        var before = Files.getPosixFilePermissions(secret);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            Lab.Result r = hadeck("doctor", Lab.configPath().toString());
            assertThat(r.exitCode()).isNotZero();
            // One line per place the config names the file (the lab's two clusters share it), each with the fix.
            List<String> problems = r.stdout().lines().filter(l -> l.startsWith("✗") || l.startsWith("X")).toList();
            assertThat(problems).as(r.stdout()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p).contains(secret.toString()).contains("chmod 600 " + secret));
        } finally {
            Files.setPosixFilePermissions(secret, before);
        }
    }

    @Test
    void doctorNamesAStoppedEtcdMember() {
        Lab.run("fault", "etcd-stop", "node-3");
        try {
            Lab.Result r = hadeck("doctor", Lab.configPath().toString());
            assertThat(r.exitCode()).isEqualTo(1);
            List<String> problems = r.stdout().lines().filter(l -> l.startsWith("✗") || l.startsWith("X")).toList();
            assertThat(problems).as(r.stdout()).hasSize(1);
            // The lab's two clusters (Patroni's and Chef's views) share the member: one line names both.
            assertThat(problems.get(0)).contains("node-3").contains("etcd").contains(Lab.host("node-3") + ":2379");
        } finally {
            Lab.run("fault", "etcd-start", "node-3");
        }
    }
}
