package io.hadeck.probe;

import io.hadeck.config.Tls;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSL contexts for the HTTP clients (Elasticsearch, Patroni) from PEM files, as etcd and
 * PostgreSQL take them: trust the configured CA (else the JVM's trust store), and present a client
 * certificate when {@code cert} and {@code key} are given. Keys must be unencrypted PKCS#8
 * ("BEGIN PRIVATE KEY", what {@code openssl pkcs8 -topk8 -nocrypt} writes), RSA or EC.
 */
public final class TlsContexts {

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END \\1PRIVATE KEY-----");
    private static final char[] NO_PASSWORD = new char[0];

    private TlsContexts() {
    }

    public static SSLContext of(Tls tls) {
        try {
            if (tls == null || (tls.ca() == null && tls.cert() == null)) {
                return SSLContext.getDefault();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers(tls), trustManagers(tls), null);
            return ctx;
        } catch (ProbeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProbeException("cannot set up TLS: " + Failures.describe(e, java.time.Duration.ZERO));
        }
    }

    private static TrustManager[] trustManagers(Tls tls) throws Exception {
        if (tls.ca() == null) {
            return null;   // the JVM's default trust store
        }
        KeyStore ks = emptyStore();
        int i = 0;
        for (Certificate c : certificates(tls.ca())) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Tls tls) throws Exception {
        if (tls.cert() == null && tls.key() == null) {
            return null;
        }
        if (tls.cert() == null || tls.key() == null) {
            throw new ProbeException("TLS client certificate needs both cert and key");
        }
        KeyStore ks = emptyStore();
        ks.setKeyEntry("client", privateKey(tls.key()), NO_PASSWORD,
                certificates(tls.cert()).toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, NO_PASSWORD);
        return kmf.getKeyManagers();
    }

    private static KeyStore emptyStore() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        return ks;
    }

    private static Collection<? extends Certificate> certificates(String path) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new ProbeException("no certificate in " + path);
            }
            return certs;
        } catch (java.io.IOException e) {
            throw new ProbeException("cannot read " + path + ": " + Failures.describe(e, java.time.Duration.ZERO));
        }
    }

    /** An unencrypted PKCS#8 PEM key; other forms get a sentence saying how to convert them. */
    static PrivateKey privateKey(String path) throws Exception {
        String pem;
        try {
            pem = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new ProbeException("cannot read " + path + ": " + Failures.describe(e, java.time.Duration.ZERO));
        }
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find() || !m.group(1).isEmpty()) {
            throw new ProbeException(path + ": not an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(2).getBytes(StandardCharsets.US_ASCII));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (java.security.spec.InvalidKeySpecException notThisOne) {
                // try the next algorithm
            }
        }
        throw new ProbeException(path + ": a PKCS#8 key that is neither RSA nor EC");
    }
}
