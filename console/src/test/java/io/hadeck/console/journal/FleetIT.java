package io.hadeck.console.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
import io.hadeck.testkit.Lab;
import io.hadeck.testkit.SecondLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fleet` over two real lab clusters: the main lab and the second lab ({@link SecondLab}: etcd + Patroni only, on
 * its own loopback prefix, its etcd over https with client certificates and auth). The second lab is started here
 * when it is not up, and stopped again if it was.
 */
class FleetIT {
    static boolean startedHere;

    @TempDir
    Path dir;

    @BeforeAll
    static void secondLabUp() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
        startedHere = SecondLab.up();
    }

    @AfterAll
    static void secondLabDown() {
        if (startedHere) {
            SecondLab.down();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void fleetShowsBothClustersWithTheirPrimaries() throws Exception {
        // one config naming both: the second lab's cluster renamed lab2 (its Patroni scope stays lab)
        var yaml = new org.yaml.snakeyaml.Yaml();
        Map<String, Object> one = yaml.load(Files.readString(Lab.configPath()));
        Map<String, Object> two = yaml.load(Files.readString(SecondLab.configPath()));
        // the lab's Patroni cluster only: the lab's config also names the same nodes as cluster "chef"
        List<Map<String, Object>> clusters = new ArrayList<>(((List<Map<String, Object>>) one.get("clusters")).stream()
                .filter(c -> "lab".equals(c.get("name"))).toList());
        Map<String, Object> second = ((List<Map<String, Object>>) two.get("clusters")).stream()
                .filter(c -> "lab".equals(c.get("name"))).findFirst().orElseThrow();
        second.put("name", "lab2");
        second.remove("elasticsearch");
        clusters.add(second);
        one.put("clusters", clusters);
        one.put("journal", Map.of("path", dir.resolve("journal.db").toString()));
        Path config = dir.resolve("fleet.yaml");
        Files.writeString(config, yaml.dump(one));

        Lab.Result r = Lab.exec(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JournalLab.jar().toString(), "--config", config.toString(), "fleet", "--json"), Duration.ofMinutes(3));
        JsonNode rows = Json.mapper().readTree(r.stdout());
        System.out.println("fleet: " + rows);
        assertThat(rows).hasSize(2);
        List<String> names = new ArrayList<>();
        rows.forEach(row -> {
            names.add(row.get("cluster").asText());
            assertThat(row.get("kind").asText()).isEqualTo("patroni");
            assertThat(row.get("leader").asText()).startsWith("node-");
        });
        assertThat(names).containsExactlyInAnyOrder("lab", "lab2");
        List<String> order = List.of("ok", "info", "warn", "crit");
        assertThat(order.indexOf(rows.get(0).get("worst").asText()))
                .as("worst first").isGreaterThanOrEqualTo(order.indexOf(rows.get(1).get("worst").asText()));
        assertThat(r.exitCode()).isIn(0, 1);
    }
}
