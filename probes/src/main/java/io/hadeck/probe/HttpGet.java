package io.hadeck.probe;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain HTTP GET for the small JSON answers of Patroni's REST API. HttpURLConnection rather than
 * java.net.http: the latter builds the JVM's default SSL context even for http:// URLs, ~350 ms of
 * a one-shot command's start on the lab machine (its first GET: 400 ms against 50 ms). Kept-alive
 * connections are reused by the JDK between polls.
 */
public final class HttpGet {

    /** Bigger answers are not Patroni's: refuse rather than buffer them. */
    private static final int MAX_BYTES = 4 << 20;

    private final Duration connectTimeout;
    private final String authorization;
    private final SSLSocketFactory tls;

    /** @param authorization an Authorization header value, or null; @param tls for https URLs, or null for the JVM's */
    public HttpGet(Duration connectTimeout, String authorization, SSLSocketFactory tls) {
        this.connectTimeout = connectTimeout;
        this.authorization = authorization;
        this.tls = tls;
    }

    /** The body of a 200 answer; anything else is a {@link ProbeException} an operator can read. */
    public String get(String url, Duration readTimeout) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (c instanceof HttpsURLConnection https && tls != null) {
            https.setSSLSocketFactory(tls);
        }
        c.setConnectTimeout(millis(connectTimeout.compareTo(readTimeout) < 0 ? connectTimeout : readTimeout));
        c.setReadTimeout(millis(readTimeout));
        c.setInstanceFollowRedirects(false);
        c.setRequestProperty("Accept", "application/json");
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        int status = c.getResponseCode();
        if (status == 401) {
            drain(c.getErrorStream());
            throw new ProbeException("authentication failed");
        }
        if (status != 200) {
            drain(c.getErrorStream());
            throw new ProbeException("HTTP " + status);
        }
        try (InputStream in = c.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new ProbeException("answer larger than " + (MAX_BYTES >> 20) + " MB");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Reading the error body lets the JDK keep the connection alive for the next poll. */
    private static void drain(InputStream err) {
        if (err != null) {
            try (err) {
                err.readNBytes(64 << 10);
            } catch (IOException ignored) {
                // the connection is dropped instead
            }
        }
    }
}
