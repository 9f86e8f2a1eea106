package io.hadeck.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.console.output.Json;
import io.hadeck.testkit.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher (scripts/hadeck) against the real lab: exit codes, JSON, runbooks, faults. */
class CliIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void labIsHealthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    static Lab.Result hadeck(Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Lab.repo().resolve("scripts/hadeck").toString(),
                "--config", Lab.configPath().toString()));
        cmd.addAll(List.of(args));
        return Lab.exec(cmd, timeout);
    }

    static Lab.Result sh(String script) {
        return Lab.exec(List.of("bash", "-c", script), Duration.ofMinutes(2));
    }

    @Test
    void statusJsonOfAHealthyLabPipesIntoJq() throws Exception {
        // The previous test class may have just healed a fault: let hadeck itself see it settle first.
        Lab.Result settled = hadeck(Duration.ofSeconds(120), "wait-for", "findings.warn == 0 and findings.crit == 0",
                "--timeout", "90s", "--quiet");
        assertThat(settled.exitCode()).as(settled.stdout() + settled.stderr()).isEqualTo(0);
        String hd = Lab.repo().resolve("scripts/hadeck") + " --config " + Lab.configPath();
        Lab.Result r = sh("out=$(" + hd + " status --json); echo \"$out\" | jq -e '.health == \"ok\" and (.nodes | length) == 5'"
                + " || { echo \"$out\" | jq -c '.findings'; exit 1; }");
        assertThat(r.exitCode()).as(r.stderr() + r.stdout()).isEqualTo(0);
        Lab.Result s = hadeck(Duration.ofSeconds(60), "status", "--json");
        assertThat(s.exitCode()).as(s.stderr()).isEqualTo(0);
        assertThat(s.stderr()).isEmpty();
        JsonNode j = Json.mapper().readTree(s.stdout());
        assertThat(j.get("nodes").findValuesAsText("pgRole")).containsOnly("primary", "standby", "null");
        assertThat(s.stdout()).doesNotContain(Lab.secret("pg-monitor.password"));
    }

    @Test
    void aStoppedStandbyMakesStatusExitOne() {
        String standby = standby();
        Lab.run("fault", "pg-stop", standby);
        try {
            Lab.Result r = hadeck(Duration.ofSeconds(60), "status");
            assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
            assertThat(r.stdout()).contains(standby);
        } finally {
            Lab.run("fault", "pg-cont", standby);
        }
    }

    @Test
    void aRunbookWaitsForStreamingStandbys() throws Exception {
        Path book = dir.resolve("streaming.hd");
        Files.writeString(book, "# wait until both standbys stream\nwait-for pg.streaming >= 2 --timeout 60s\n"
                + "assert pg.primaries == 1 and ha.leader == pg.primary\n");
        Lab.Result r = hadeck(Duration.ofSeconds(90), "run", "--echo", book.toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(0);
        assertThat(r.stdout()).contains("> wait-for pg.streaming >= 2").contains("ok after");
    }

    @Test
    void waitForSeesAFaultInjectedWhileItRuns() throws Exception {
        String standby = standby();
        Path out = dir.resolve("wait-for.out");
        CompletableFuture<Lab.Result> waiting = CompletableFuture.supplyAsync(() -> sh(String.join(" ",
                Lab.repo().resolve("scripts/hadeck").toString(), "--config", Lab.configPath().toString(), "wait-for",
                "'not streaming(" + standby + ")'", "--timeout", "90s") + " > " + out + " 2>&1"));
        // the fault goes in once wait-for has read the cluster and said what it waits for: on a loaded
        // host its first reading takes seconds, and a fault injected before it would be all it ever saw
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end && !(Files.exists(out) && Files.readString(out).contains("waiting:"))) {
            Thread.sleep(200);
        }
        Lab.run("fault", "node-crash", standby);
        try {
            Lab.Result r = waiting.get();
            String text = Files.readString(out);
            assertThat(r.exitCode()).as(text).isEqualTo(0);
            assertThat(text).contains("waiting: not (streaming(" + standby + ") is true)").contains("ok after");
        } finally {
            Lab.run("fault", "node-start", standby);
        }
    }

    @Test
    void exitCodesForUsageAndUnreachable() throws Exception {
        assertThat(hadeck(Duration.ofSeconds(30), "stauts").exitCode()).isEqualTo(2);
        Path bad = dir.resolve("nowhere.yaml");
        Files.writeString(bad, Files.readString(Lab.configPath()).replace(Lab.net() + ".", "127.0.99."));
        Lab.Result r = Lab.exec(List.of(Lab.repo().resolve("scripts/hadeck").toString(), "--config", bad.toString(),
                "status"), Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(3);
        assertThat(r.stderr()).startsWith("hadeck: nothing reachable in cluster");
    }

    private static String standby() {
        try {
            JsonNode j = Json.mapper().readTree(hadeck(Duration.ofSeconds(60), "status", "--json").stdout());
            for (JsonNode n : j.get("nodes")) {
                if ("standby".equals(n.path("pgRole").asText())) {
                    return n.get("name").asText();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no standby in the lab");
    }
}
