package io.hadeck.probe;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP client of the readers for small JSON answers: Patroni's REST API, Elasticsearch's
 * and etcd's JSON gateway (its v3 API as JSON over HTTP/1.1). HttpURLConnection rather than java.net.http: the
 * latter builds the JVM's default SSL context even for http:// URLs, ~350 ms of a one-shot
 * command's start on the lab machine (its first GET: 400 ms against 50 ms); and rather than gRPC
 * for etcd, whose Netty/Vert.x stack cost a one-shot status ~2,000 classes before its first byte,
 * and Elasticsearch's REST client (Apache HttpAsyncClient, ~360 classes) for two GETs.
 * Kept-alive connections are reused by the JDK between polls.
 */
public final class HttpJson {

    /** Bigger answers are not what the readers ask for (a large cluster's node list is well below): refuse, not buffer. */
    private static final int MAX_BYTES = 8 << 20;

    /** A non-200 answer, with the start of its body for the caller that knows the service's error shape. */
    public static final class StatusException extends ProbeException {
        private final int status;
        private final String body;

        StatusException(int status, String body) {
            super(status == 401 ? "authentication failed" : status == 403 ? "permission denied" : "HTTP " + status);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    private final Duration connectTimeout;
    private final String authorization;
    private final SSLSocketFactory tls;

    /** @param authorization an Authorization header value, or null; @param tls for https URLs, or null for the JVM's */
    public HttpJson(Duration connectTimeout, String authorization, SSLSocketFactory tls) {
        this.connectTimeout = connectTimeout;
        this.authorization = authorization;
        this.tls = tls;
    }

    /** The body of a 200 answer; anything else is a {@link ProbeException} an operator can read. */
    public String get(String url, Duration readTimeout) throws IOException {
        return send("GET", url, null, Map.of(), readTimeout);
    }

    /** POSTs a JSON body; the body of a 200 answer, else a {@link StatusException}. */
    public String post(String url, String json, Map<String, String> headers, Duration readTimeout) throws IOException {
        return send("POST", url, json, headers, readTimeout);
    }

    private String send(String method, String url, String json, Map<String, String> headers, Duration readTimeout)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        if (c instanceof HttpsURLConnection https && tls != null) {
            https.setSSLSocketFactory(tls);
        }
        c.setConnectTimeout(millis(connectTimeout.compareTo(readTimeout) < 0 ? connectTimeout : readTimeout));
        c.setReadTimeout(millis(readTimeout));
        c.setInstanceFollowRedirects(false);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        headers.forEach(c::setRequestProperty);
        if (json != null) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            } catch (IOException e) {
                // TLS 1.3 checks the client's certificate after the client's handshake is done: a server that
                // refuses it closes the connection while the request is written, and the JDK keeps only
                // "Error writing request body to server", not the server's alert.
                if (c instanceof HttpsURLConnection && String.valueOf(e.getMessage()).startsWith("Error writing request body")) {
                    throw new ProbeException(Failures.CLIENT_CERTIFICATE_REFUSED);
                }
                throw e;
            }
        }
        int status = c.getResponseCode();
        if (status != 200) {
            throw new StatusException(status, drain(c.getErrorStream()));
        }
        try (InputStream in = c.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new ProbeException("answer larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Reading the error body lets the JDK keep the connection alive for the next poll; its start is kept. */
    private static String drain(InputStream err) {
        if (err == null) {
            return "";
        }
        try (err) {
            byte[] b = err.readNBytes(64 << 10);
            return new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            return "";   // the connection is dropped instead
        }
    }
}
