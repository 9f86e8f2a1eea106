package io.hadeck.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patroni's REST API credentials: one header for the readers and the actions alike. */
class PatroniCredentialsTest {

    @Test
    void credentialsFromAFileBecomeOneBasicHeader(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("patroni-rest");
        Files.writeString(secret, "s3cret\n");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        var patroni = new ClusterConfig.Patroni("pg", "/service", "patroni", Secret.file(secret.toString()), null);
        // base64("patroni:s3cret"): the password file's trailing newline is not part of the password
        assertThat(patroni.basicAuthorization()).contains("Basic cGF0cm9uaTpzM2NyZXQ=");
    }

    @Test
    void noUserOrNoPasswordMeansNoHeader() {
        assertThat(new ClusterConfig.Patroni("pg", "/service", null, null, null).basicAuthorization()).isEmpty();
        assertThat(new ClusterConfig.Patroni("pg", "/service", "patroni", null, null).basicAuthorization()).isEmpty();
    }
}
