package io.hadeck.console.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.config.JournalSettings;
import io.hadeck.console.output.Json;
import io.hadeck.journal.Journal;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalQuery;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.FindingCode;
import io.hadeck.testkit.Lab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident journal on the real lab, as an incident happens: two `events --follow` processes
 * (two writers at once) watch while the primary's node crashes (failover), the etcd leader stops
 * and a standby is promoted (switchover). Afterwards a new process reads it all back, an incident
 * is exported, and the pager hook heard PG_NO_PRIMARY raised and cleared.
 */
class JournalIT {
    @TempDir
    Path dir;

    @BeforeEach
    void healthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @AfterEach
    void leaveTheLabHealthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @Test
    void aFailoverAndASwitchoverAreInTheJournalWithTheClustersOwnHistory() throws Exception {
        Path hookOut = dir.resolve("pager.jsonl");
        JournalLab lab = new JournalLab(dir, "hooks:\n  - name: pager\n    command: [sh, -c, \"cat >> " + hookOut + "\"]\n"
                + "    codes: [PG_NO_PRIMARY]\n");
        Instant start = Instant.now();
        Process a = lab.start("follow-a", "events", "--follow", "--json");
        Process b = lab.start("follow-b", "events", "--follow", "--json");
        String crashed = null;
        String etcdStopped = null;
        try {
            awaitRecording(lab);
            crashed = lab.primary();
            Lab.run("fault", "node-crash", crashed);
            String was = crashed;
            ClusterSnapshot s = lab.await(Duration.ofSeconds(120), x -> x.primary().map(p -> !p.name().equals(was)).orElse(false));
            assertThat(s.primary()).as("a new primary after the crash of " + crashed).isPresent();
            Lab.run("fault", "node-start", crashed);
            crashed = null;
            Lab.awaitHealthy(Duration.ofMinutes(3));

            etcdStopped = JournalLab.etcdLeader(lab.await(Duration.ofSeconds(60), x -> JournalLab.etcdLeader(x).isPresent()))
                    .orElseThrow();
            Lab.run("fault", "etcd-stop", etcdStopped);
            String leaderWas = etcdStopped;
            lab.await(Duration.ofSeconds(60), x -> JournalLab.etcdLeader(x).map(l -> !l.equals(leaderWas)).orElse(false));
            Lab.run("fault", "etcd-start", etcdStopped);
            etcdStopped = null;
            Lab.awaitHealthy(Duration.ofMinutes(3));

            String primary = lab.primary();
            String target = lab.standby();
            String[] promote = lab.inProcess("promote", target, "--yes");
            assertThat(promote[0]).as(promote[1] + promote[2]).isEqualTo("0");
            lab.await(Duration.ofSeconds(60), x -> x.primary().map(p -> p.name().equals(target)).orElse(false));
            // Patroni writes the history entry just after the promotion; the recorder reads it again 15 s later
            Thread.sleep(25_000);
            System.out.printf("journal IT: failover of %s, switchover %s → %s%n", was, primary, target);
        } finally {
            JournalLab.stop(a);
            JournalLab.stop(b);
            if (crashed != null) {
                Lab.tryRun(Duration.ofMinutes(2), "fault", "node-start", crashed);
            }
            if (etcdStopped != null) {
                Lab.tryRun(Duration.ofMinutes(2), "fault", "etcd-start", etcdStopped);
            }
        }

        Lab.Result r = lab.run(Duration.ofMinutes(3), "events", "--since", "10m", "--json");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(0);
        JsonNode entries = Json.mapper().readTree(r.stdout());
        List<JsonNode> all = new ArrayList<>();
        entries.forEach(all::add);
        assertThat(all).anySatisfy(e -> {
            assertThat(e.get("code").asText()).isEqualTo(FindingCode.PG_NO_PRIMARY.name());
            assertThat(e.get("change").asText()).isEqualTo("raised");
        });
        assertThat(all).anySatisfy(e -> {
            assertThat(e.get("code").asText()).isEqualTo(FindingCode.PG_NO_PRIMARY.name());
            assertThat(e.get("change").asText()).isEqualTo("cleared");
        });
        assertThat(all).filteredOn(e -> e.get("source").asText().equals("patroni")
                        && Instant.parse(e.get("at").asText()).isAfter(start))
                .as("Patroni's history: the failover's and the switchover's timeline switches").hasSizeGreaterThanOrEqualTo(2);
        // the new leader is seen either as a change or, when a reading fell between, as an election
        assertThat(all).anySatisfy(e -> assertThat(e.get("text").asText()).matches("etcd (leader changed|elected a leader).*"));
        assertThat(all).filteredOn(e -> e.get("source").asText().equals("audit"))
                .anySatisfy(e -> assertThat(e.get("text").asText()).startsWith("promote confirm: confirmed"));

        twoWritersLostNothing(lab);
        pagerHeardRaisedAndCleared(hookOut);
        incidentExportTellsTheStory(lab, start);
    }

    /** Every event either follower printed is in the journal, once per follower that saw it. */
    private void twoWritersLostNothing(JournalLab lab) throws Exception {
        Map<String, Integer> printed = new HashMap<>();
        for (String f : List.of("follow-a.out", "follow-b.out")) {
            for (String line : Files.readAllLines(dir.resolve(f))) {
                if (line.startsWith("{")) {
                    JsonNode e = Json.mapper().readTree(line);
                    printed.merge(e.get("node").asText() + "|" + e.get("text").asText(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> journaled = new HashMap<>();
        try (Journal j = Journal.open(new JournalSettings(lab.journal, Duration.ofDays(1)), Clock.systemUTC())) {
            for (JournalEntry e : j.query(JournalQuery.since(Instant.now().minus(Duration.ofMinutes(30))))) {
                if (e.source() == JournalEntry.Source.HADECK) {
                    journaled.merge(String.valueOf(e.node()) + "|" + e.text(), 1, Integer::sum);
                }
            }
        }
        assertThat(printed).isNotEmpty();
        printed.forEach((k, n) -> assertThat(journaled.getOrDefault(k, 0)).as(k).isGreaterThanOrEqualTo(n));
    }

    private static void pagerHeardRaisedAndCleared(Path hookOut) throws Exception {
        List<String> heard = Files.readAllLines(hookOut);
        assertThat(heard).anySatisfy(l -> assertThat(l).contains("\"code\":\"PG_NO_PRIMARY\"", "\"change\":\"raised\""));
        assertThat(heard).anySatisfy(l -> assertThat(l).contains("\"code\":\"PG_NO_PRIMARY\"", "\"change\":\"cleared\""));
    }

    private void incidentExportTellsTheStory(JournalLab lab, Instant start) throws Exception {
        Path out = dir.resolve("review");
        String[] r = lab.inProcess("incident", "export", "--since", start.minusSeconds(5).toString(), "--out", out.toString());
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        Path md;
        try (var files = Files.list(out)) {
            md = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        String text = Files.readString(md);
        assertThat(text).contains("## Summary", "- Time without a writable primary: ", "## Timeline", "## Actions taken",
                "promote confirm: confirmed", "| PG_NO_PRIMARY | lab |", "patroni");
        JsonNode json = Json.mapper().readTree(md.resolveSibling(md.getFileName().toString().replace(".md", ".json")).toFile());
        assertThat(json.get("durations").get("noWritablePrimarySeconds").asDouble()).isPositive();
        System.out.printf("journal IT: without a writable primary %.1f s, to recover %s s%n",
                json.get("durations").get("noWritablePrimarySeconds").asDouble(), json.get("durations").get("toRecoverSeconds"));
    }

    /** The followers open the journal just before their watchers start: give those a few readings more. */
    private static void awaitRecording(JournalLab lab) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(lab.journal) && System.nanoTime() < end) {
            Thread.sleep(500);
        }
        Thread.sleep(15_000);
    }
}
