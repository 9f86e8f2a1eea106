package io.hadeck.probe.etcd;

import io.etcd.jetcd.Client;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An https:// etcd endpoint without a tls: block is spoken to in TLS, by the readers' JSON gateway
 * client and by the gRPC client of the watch alike: a plain listener in its place records a TLS
 * handshake, never the HTTP/2 preface, an HTTP request or the password.
 */
class HttpsMeansTlsTest {

    @Test
    void theGatewayGivesAnHttpsEndpointTlsNotPlaintextCredentials(@TempDir Path dir) throws Exception {
        assertListenerSawOnlyTls(dir, (etcd, url) -> {
            try {
                new EtcdGateway(etcd, List.of(url), Duration.ofSeconds(15)).members(url, Duration.ofSeconds(20));
            } catch (Exception e) {
                // the listener speaks no TLS: failing is expected, what it received is the point
            }
        });
    }

    @Test
    void theWatchClientGivesAnHttpsEndpointTlsNotPlaintextCredentials(@TempDir Path dir) throws Exception {
        assertListenerSawOnlyTls(dir, (etcd, url) -> {
            // generous: on a loaded machine setting up TLS (the system trust store) takes seconds
            try (Client c = EtcdClients.build(etcd, List.of(url), Duration.ofSeconds(15))) {
                c.getClusterClient().listMember().exceptionally(e -> null).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // as above
            }
        });
    }

    private static void assertListenerSawOnlyTls(Path dir, java.util.function.BiConsumer<ClusterConfig.Etcd, String> ask)
            throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "hostile-listener-must-not-see-this\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> record(listener));
            String url = "https://127.0.0.1:" + listener.getLocalPort();
            var etcd = new ClusterConfig.Etcd(List.of(url), "root", Secret.file(pw.toString()), null);
            ask.accept(etcd, url);
            byte[] got = received.get(30, TimeUnit.SECONDS);
            assertThat(got).isNotEmpty();
            assertThat(got[0]).as("a TLS handshake record").isEqualTo((byte) 0x16);
            String text = new String(got, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("PRI * HTTP/2.0").doesNotContain("POST")
                    .doesNotContain("hostile-listener-must-not-see-this");
        }
    }

    private static byte[] record(ServerSocket listener) {
        try (Socket s = listener.accept(); InputStream in = s.getInputStream()) {
            s.setSoTimeout(20_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                // the first record is enough: a TLS ClientHello, or plaintext HTTP/2 with the password
                while (out.size() < 5 && (n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // the client waits for a ServerHello that never comes
            }
            return out.toByteArray();
        } catch (Exception e) {
            return new byte[0];
        }
    }
}
