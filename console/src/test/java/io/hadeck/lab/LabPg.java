package io.hadeck.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.testkit.Lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/** What the lab tests read from the real cluster: Patroni's REST API, etcd's HTTP gateway, JDBC. */
final class LabPg {

    static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabPg() {
    }

    static HttpResponse<String> http(String method, String url, String body, String basicAuth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (basicAuth != null) {
            b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(basicAuth.getBytes()));
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    static String patroni(String node) {
        return "http://" + Lab.host(node) + ":8008";
    }

    /** Patroni's /cluster from the first node that answers. */
    static JsonNode cluster() {
        IllegalStateException last = null;
        for (String n : NODES) {
            try {
                HttpResponse<String> r = http("GET", patroni(n) + "/cluster", null, null);
                if (r.statusCode() == 200) {
                    return json(r.body());
                }
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw new IllegalStateException("no Patroni answered /cluster", last);
    }

    static boolean isLeaderRole(String role) {
        return role.equals("leader") || role.equals("master") || role.equals("primary");
    }

    static Optional<String> leader() {
        try {
            for (JsonNode m : cluster().path("members")) {
                if (isLeaderRole(m.path("role").asText())) {
                    return Optional.of(m.path("name").asText());
                }
            }
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static List<String> replicas() {
        List<String> out = new ArrayList<>();
        String leader = leader().orElseThrow(() -> new IllegalStateException("no leader"));
        for (String n : NODES) {
            if (!leader.equals(n)) {
                out.add(n);
            }
        }
        return out;
    }

    static Connection connect(String node, String user, String password, int timeoutSeconds) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("socketTimeout", Integer.toString(timeoutSeconds + 1));
        return DriverManager.getConnection("jdbc:postgresql://" + Lab.host(node) + ":5432/postgres", p);
    }

    static Connection superuser(String node) throws SQLException {
        return connect(node, "postgres", Lab.secret("pg-superuser.password"), 3);
    }

    static String query(String node, String sql) throws SQLException {
        try (Connection c = superuser(node); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void execute(String node, String sql) throws SQLException {
        try (Connection c = superuser(node); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** True when NODE answers and is not in recovery (accepts writes). */
    static boolean writable(String node) {
        try {
            return "f".equals(query(node, "select pg_is_in_recovery()"));
        } catch (SQLException e) {
            return false;
        }
    }

    static <T> T await(Duration timeout, String what, Supplier<Optional<T>> probe) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> v;
            try {
                v = probe.get();
            } catch (RuntimeException e) {
                v = Optional.empty();
            }
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void awaitTrue(Duration timeout, String what, Supplier<Boolean> probe) {
        await(timeout, what, () -> Boolean.TRUE.equals(probe.get()) ? Optional.of(true) : Optional.empty());
    }

    static String etcd(String node) {
        return "http://" + Lab.host(node) + ":2379";
    }

    /** How many of the three etcd members answer /health with "true". */
    static int healthyEtcdMembers() {
        int ok = 0;
        for (String n : NODES) {
            try {
                HttpResponse<String> r = http("GET", etcd(n) + "/health", null, null);
                if (r.statusCode() == 200 && json(r.body()).path("health").asText().equals("true")) {
                    ok++;
                }
            } catch (IllegalStateException e) {
                // not answering: not healthy
            }
        }
        return ok;
    }
}
