package io.hadeck.probe;

import io.hadeck.config.Tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

/**
 * SSL contexts for the HTTP clients (Elasticsearch, Patroni): trust the configured CA (PEM), or
 * the JVM's default trust store when none is given. Client certificates for HTTP are not
 * supported yet (etcd and PostgreSQL take theirs natively).
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    public static SSLContext forCa(Tls tls) {
        try {
            if (tls == null || tls.ca() == null) {
                return SSLContext.getDefault();
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            try (InputStream in = Files.newInputStream(Path.of(tls.ca()))) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("ca-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new ProbeException("cannot load TLS CA " + tls.ca() + ": " + Failures.describe(e, java.time.Duration.ZERO));
        }
    }
}
