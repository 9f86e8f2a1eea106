package io.hadeck.probe;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.hadeck.config.Tls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An HTTPS endpoint (a Patroni or Elasticsearch behind mutual TLS) that trusts only clients with a
 * certificate from the cluster's CA: hadeck gets in with the configured cert and key, and says
 * clearly why it cannot when they are missing or in a form it does not read.
 */
class TlsContextsTest {

    private HttpsServer server;
    private String url;

    private static String file(String name) {
        try {
            return Path.of(TlsContextsTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startServerThatWantsAClientCertificate() throws Exception {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(
                TlsContexts.of(new Tls(file("ca.pem"), file("server.pem"), file("server.key")))) {
            @Override
            public void configure(HttpsParameters params) {
                javax.net.ssl.SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        server.createContext("/cluster", ex -> {
            byte[] body = "{\"members\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort() + "/cluster";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static HttpJson client(Tls tls) {
        return new HttpJson(Duration.ofSeconds(2), null, TlsContexts.of(tls).getSocketFactory());
    }

    @Test
    void aClientCertificateFromTheClusterCaGetsAnAnswer() throws Exception {
        Tls tls = new Tls(file("ca.pem"), file("client.pem"), file("client.key"));

        assertThat(client(tls).get(url, Duration.ofSeconds(2))).isEqualTo("{\"members\":[]}");
    }

    @Test
    void withoutAClientCertificateTheServerHangsUp() {
        Tls caOnly = new Tls(file("ca.pem"), null, null);

        assertThatThrownBy(() -> client(caOnly).get(url, Duration.ofSeconds(2))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aCertificateWithoutItsKeyIsAConfigurationError() {
        assertThatThrownBy(() -> TlsContexts.of(new Tls(file("ca.pem"), file("client.pem"), null)))
                .isInstanceOf(ProbeException.class).hasMessage("TLS client certificate needs both cert and key");
    }

    @Test
    void keysInOtherFormsAreRefusedWithTheCommandThatConvertsThem() {
        for (String key : new String[] {"rsa-pkcs1.key", "client-ec.sec1"}) {
            assertThatThrownBy(() -> TlsContexts.of(new Tls(file("ca.pem"), file("client.pem"), file(key))))
                    .isInstanceOf(ProbeException.class)
                    .hasMessageContaining("not an unencrypted PKCS#8 key")
                    .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        }
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> TlsContexts.of(new Tls("/nonexistent/ca.pem", null, null)))
                .isInstanceOf(ProbeException.class).hasMessageContaining("/nonexistent/ca.pem");
    }
}
