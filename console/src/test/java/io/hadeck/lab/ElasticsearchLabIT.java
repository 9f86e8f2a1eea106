package io.hadeck.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.hadeck.testkit.Lab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lab's real Elasticsearch (scripts/lab.d/es.sh): health as nodes stop and start again. */
class ElasticsearchLabIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static String url(String node) {
        if ("1".equals(System.getenv("HADECK_ES_FALLBACK"))) {
            return "http://" + Lab.host("lab") + ":" + (9200 + Integer.parseInt(node.substring(5)));
        }
        return "http://" + Lab.host(node) + ":9200";
    }

    static String get(String node, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(node) + path))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (Exception e) {
            return "";
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]*)").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    static String awaitHealth(String node, Duration timeout, Predicate<String> ok) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String h = "";
        while (System.nanoTime() < end) {
            h = get(node, "/_cluster/health");
            if (ok.test(h)) {
                return h;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("health of " + node + " did not reach the expected state within " + timeout + ": " + h);
    }

    @AfterEach
    void leaveItHealthy() throws InterruptedException {
        Lab.run("fault", "es-start", "node-3");
        awaitHealth("node-1", Duration.ofSeconds(120),
                h -> field(h, "status").equals("green") && field(h, "number_of_nodes").equals("3"));
    }

    @Test
    void greenWithThreeNodesEachOnItsOwnAddress() throws InterruptedException {
        String h = awaitHealth("node-1", Duration.ofSeconds(60), s -> field(s, "status").equals("green"));
        assertThat(field(h, "cluster_name")).isEqualTo("lab-es");
        assertThat(field(h, "number_of_nodes")).isEqualTo("3");
        for (String n : new String[] {"node-1", "node-2", "node-3"}) {
            assertThat(get(n, "/_nodes/_local?filter_path=nodes.*.name")).contains("\"" + n + "\"");
        }
        assertThat(get("node-2", "/_cat/indices/lab?h=index,rep")).contains("lab 1");
    }

    @Test
    void oneStoppedNodeTurnsTheClusterYellowAndStartingItTurnsItGreen() throws InterruptedException {
        awaitHealth("node-1", Duration.ofSeconds(60), s -> field(s, "status").equals("green"));
        assertThat(Lab.run("fault", "es-stop", "node-3")).contains("ok node-3");
        assertThat(get("node-3", "/")).isEmpty();   // really down: nothing listens any more
        // every primary still has a copy on node-1/node-2 -> yellow, never red; replicas wait for
        // the 1 min delayed allocation, so yellow holds for a while
        String h = awaitHealth("node-1", Duration.ofSeconds(30), s -> field(s, "number_of_nodes").equals("2"));
        assertThat(field(h, "status")).isEqualTo("yellow");
        assertThat(Integer.parseInt(field(h, "unassigned_shards"))).isPositive();
        assertThat(field(h, "active_primary_shards")).isEqualTo("3");

        assertThat(Lab.run("fault", "es-start", "node-3")).contains("ok node-3");
        h = awaitHealth("node-1", Duration.ofSeconds(90),
                s -> field(s, "status").equals("green") && field(s, "number_of_nodes").equals("3"));
        assertThat(field(h, "unassigned_shards")).isEqualTo("0");
        assertThat(get("node-3", "/_nodes/_local?filter_path=nodes.*.name")).contains("\"node-3\"");
    }
}
