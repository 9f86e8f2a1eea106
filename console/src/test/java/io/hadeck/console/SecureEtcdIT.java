package io.hadeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
import io.hadeck.testkit.Lab;
import io.hadeck.testkit.SecondLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An etcd run as a site runs it (the second lab: https only, a client certificate required, etcd users with auth
 * on), met as an operator meets it: `hadeck init` from one https endpoint with the CA, the client certificate and
 * the etcd password in an environment variable, then `status` and `doctor` on what it wrote. Then each mistake an
 * operator makes with such an etcd — a wrong password, a CA that did not sign etcd's certificate, no client
 * certificate — is one line from `doctor` and one finding from `status` naming it: no stack trace, no password.
 */
class SecureEtcdIT {

    private static final String PASSWORD_VARIABLE = "HADECK_IT_ETCD_PASSWORD";

    static boolean startedHere;

    @TempDir
    static Path dir;

    static Path config;

    static Lab.Result init;

    @BeforeAll
    static void secondLabUpAndInit() {
        startedHere = SecondLab.up();
        config = dir.resolve("secure.yaml");
        Path lab = SecondLab.dir();
        init = hadeck(SecondLab.secret("etcd-hadeck.password"), "init", "--out", config.toString(), "--insecure",
                "--etcd", "https://" + SecondLab.host("node-2") + ":2379",
                "--cacert", lab.resolve("tls/ca.pem").toString(),
                "--cert", lab.resolve("tls/hadeck.pem").toString(), "--key", lab.resolve("tls/hadeck.key").toString(),
                "--etcd-user", "hadeck", "--etcd-password-env", PASSWORD_VARIABLE,
                "--patroni-user", "hadeck", "--patroni-password-file", lab.resolve("secrets/patroni-api.password").toString(),
                "--pg-password-file", lab.resolve("secrets/pg-monitor.password").toString(), "--pg-sslmode", "disable");
    }

    @AfterAll
    static void secondLabDown() {
        if (startedHere) {
            SecondLab.down();
        }
    }

    /** scripts/hadeck with the etcd password in its environment, as an operator's shell would hold it. */
    private static Lab.Result hadeck(String etcdPassword, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Lab.repo().resolve("scripts/hadeck").toString()));
        cmd.addAll(List.of(args));
        Lab.Result r = Lab.exec(cmd, Map.of(PASSWORD_VARIABLE, etcdPassword), Duration.ofSeconds(120));
        assertThat(r.stdout() + r.stderr()).as("never on screen").doesNotContain(etcdPassword)
                .doesNotContain("Exception").doesNotContain("\tat ");
        return r;
    }

    @Test
    void initFromOneHttpsEndpointWritesTheCertificatesAndAPasswordReference() throws Exception {
        assertThat(init.exitCode()).as(init.stdout() + init.stderr()).isEqualTo(0);
        assertThat(init.stdout()).contains("found Patroni cluster lab under /service/").contains("wrote " + config)
                .contains(config + ": ok");
        String text = Files.readString(config);
        assertThat(text).contains("https://" + SecondLab.host("node-3") + ":2379").contains("username: \"hadeck\"")
                .contains("password: {env: \"" + PASSWORD_VARIABLE + "\"}").contains("tls: {ca: ")
                .contains("hadeck.pem").contains("hadeck.key")
                .doesNotContain(SecondLab.secret("etcd-hadeck.password"));
    }

    @Test
    void statusReadsTheSecureEtcdAndFindsItHealthy() throws Exception {
        Lab.Result status = hadeck(SecondLab.secret("etcd-hadeck.password"), "--config", config.toString(), "status", "--json");
        assertThat(status.exitCode()).as(status.stdout() + status.stderr()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(status.stdout());
        // A user without read access to the key `health` still proves quorum (etcd checks the permission after the read).
        assertThat(j.get("findings").findValuesAsText("code")).doesNotContain("ETCD_NO_QUORUM", "UNREACHABLE");
        List<String> roles = new ArrayList<>();
        j.get("nodes").forEach(n -> roles.add(n.path("etcd").asText()));
        assertThat(roles).containsOnly("leader", "follower").contains("leader");
        assertThat(j.get("nodes").findValuesAsText("pgRole")).contains("primary");
    }

    @Test
    void doctorPassesOnWhatInitWrote() {
        Lab.Result r = hadeck(SecondLab.secret("etcd-hadeck.password"), "doctor", config.toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(0);
        assertThat(r.stdout()).contains("checks passed");
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheUser() throws Exception {
        assertOneProblem(config, "wrong-password-for-the-test", "etcd user hadeck: authentication failed (wrong user or password)",
                "password");
    }

    @Test
    void aCaThatDidNotSignEtcdsCertificateIsOneLine() throws Exception {
        // No ca: the JDK's own trust store, which does not hold the lab's CA.
        assertOneProblem(configWithout("system-ca.yaml", "ca: \"[^\"]*\", "), SecondLab.secret("etcd-hadeck.password"),
                "TLS: the server's certificate is not signed by a CA hadeck trusts", "tls: ca");
    }

    @Test
    void noClientCertificateIsOneLine() throws Exception {
        assertOneProblem(configWithout("no-client-cert.yaml", ", cert: \"[^\"]*\", key: \"[^\"]*\""),
                SecondLab.secret("etcd-hadeck.password"),
                "TLS: the server refused hadeck's client certificate", "cert and key");
    }

    /** What init wrote, less the part the regex names: an operator's mistake, in a file of its own. */
    private static Path configWithout(String name, String regex) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Files.readString(config).replaceFirst(regex, ""));
        return file;
    }

    private static void assertOneProblem(Path file, String password, String problem, String fix) throws Exception {
        Lab.Result doctor = hadeck(password, "doctor", file.toString());
        assertThat(doctor.exitCode()).as(doctor.stdout() + doctor.stderr()).isEqualTo(1);
        List<String> problems = doctor.stdout().lines().filter(l -> l.startsWith("✗") || l.startsWith("X")).toList();
        assertThat(problems).as(doctor.stdout()).hasSize(1);
        assertThat(problems.get(0)).contains("etcd").contains(problem).contains(fix);

        Lab.Result status = hadeck(password, "--config", file.toString(), "status", "--json");
        assertThat(status.exitCode()).as(status.stderr()).isNotZero();
        JsonNode j = Json.mapper().readTree(status.stdout());
        assertThat(j.get("findings").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(problem));
    }
}
