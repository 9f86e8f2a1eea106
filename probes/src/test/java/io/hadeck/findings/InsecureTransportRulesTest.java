package io.hadeck.findings;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.load.ConfigLoader;
import io.hadeck.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any password hadeck would send without verified TLS is a warning naming the layer and the nodes. */
class InsecureTransportRulesTest {

    @TempDir
    Path dir;

    private ClusterConfig cluster(String extra, String postgres) throws IOException {
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        Path f = Files.writeString(dir.resolve("c.yaml"), """
                clusters:
                  - name: prod
                %s
                    etcd: {endpoints: [http://10.0.0.1:2379, https://10.0.0.2:2379], username: root, password: {file: PW}}
                    patroni: {username: hadeck, password: {file: PW}}
                    postgres: {user: mon, password: {file: PW}%s}
                    elasticsearch: {username: es, password: {file: PW}}
                    nodes:
                      - {name: pg-1, host: 10.0.0.1, postgres: 10.0.0.1:5432, patroni: http://10.0.0.1:8008, elasticsearch: https://10.0.0.1:9200}
                      - {name: pg-2, host: 10.0.0.2, postgres: 10.0.0.2:5432, patroni: https://10.0.0.2:8008, elasticsearch: http://10.0.0.2:9200}
                """.formatted(extra, postgres).replace("PW", pw.toString()));
        return ConfigLoader.load(f).pick(null);
    }

    @Test
    void everyPasswordWithoutVerifiedTlsIsOneWarningPerLayer() throws IOException {
        List<Finding> f = InsecureTransportRules.of(cluster("", ""));
        assertThat(f).allMatch(x -> x.code().equals("INSECURE_TRANSPORT") && x.severity().name().equals("WARN"));
        assertThat(f).extracting(Finding::message).containsExactly(
                "PostgreSQL: the password to pg-1, pg-2 is sent without verified TLS (sslmode=prefer does not check the"
                        + " server's certificate and name)",
                "Patroni: the password to pg-1 is sent over plain http, readable on the network",
                "Elasticsearch: the password to pg-2 is sent over plain http, readable on the network",
                "etcd: the password to pg-1 is sent over plain http, readable on the network");
        assertThat(f).extracting(Finding::nodes).containsExactly(List.of("pg-1", "pg-2"), List.of("pg-1"),
                List.of("pg-2"), List.of("pg-1"));
    }

    @Test
    void aNamedCaMeansVerifyFullAndInsecureTrueSilencesTheRest() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        ClusterConfig withCa = cluster("", ", tls: {ca: " + ca + "}");
        assertThat(withCa.postgres().sslmode()).isEqualTo("verify-full");
        assertThat(InsecureTransportRules.of(withCa)).extracting(Finding::message).noneMatch(m -> m.startsWith("PostgreSQL"));
        assertThat(InsecureTransportRules.of(cluster("    insecure: true", ""))).isEmpty();
    }
}
