package io.hadeck.actions.ha;

import io.hadeck.actions.ActionException;
import io.hadeck.config.ClusterConfig;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Patroni's REST API with short timeouts and basic auth from the config. The password is read
 * when a request is made and only ever goes into the Authorization header.
 *
 * <p>Not on the readers' {@link io.hadeck.probe.HttpJson}, on purpose: pause and resume are
 * {@code PATCH /config}, a method HttpURLConnection refuses ({@code ProtocolException: Invalid HTTP
 * method: PATCH}); and a refused move answers non-2xx with a body the operator must see whole
 * ({@link Reply}), where HttpJson turns every non-200 into an error. java.net.http sends PATCH and hands
 * back any status; the start-up cost that made the readers avoid it (the JVM's default SSL context,
 * see HttpJson) is paid only when an action is planned. TLS comes from the same {@link TlsContexts}.
 */
final class PatroniRest {
    private final ClusterConfig.Patroni patroni;
    private final HttpClient http;
    private final Duration readTimeout;

    PatroniRest(ClusterConfig.Patroni patroni, Duration connectTimeout, Duration readTimeout) {
        this.patroni = patroni;
        this.readTimeout = readTimeout;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1);
        if (patroni != null && patroni.tls() != null) {
            // The same CA and client certificate the readers use: an https Patroni with a private
            // CA was read fine and then refused every action.
            try {
                b.sslContext(TlsContexts.of(patroni.tls()));
            } catch (ProbeException e) {
                throw new ActionException("Patroni TLS: " + e.getMessage());
            }
        }
        this.http = b.build();
    }

    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String oneLine() {
            String b = body.strip().replace('\n', ' ');
            return b.length() > 200 ? b.substring(0, 200) + "…" : b;
        }
    }

    Reply get(String baseUrl, String path) {
        return send(baseUrl, path, "GET", null, readTimeout);
    }

    /** A move (switchover, failover) blocks in Patroni until done: it gets {@code timeout}, not the read timeout. */
    Reply send(String baseUrl, String path, String method, String json, Duration timeout) {
        URI uri = URI.create(strip(baseUrl) + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        if (patroni != null) {
            patroni.basicAuthorization().ifPresent(header -> b.header("Authorization", header));
        }
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body() == null ? "" : r.body());
        } catch (IOException e) {
            throw new ActionException(method + " " + uri + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException(method + " " + uri + ": interrupted");
        }
    }

    static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
