package io.hadeck.console.journal;

import io.hadeck.actions.runbook.Confirmer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.config.JournalSettings;
import io.hadeck.console.Main;
import io.hadeck.console.output.Json;
import io.hadeck.events.Event;
import io.hadeck.journal.Journal;
import io.hadeck.journal.JournalEntry;
import io.hadeck.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `events --since` and `incident export` read the journal alone: no cluster needs to answer. */
class JournalCommandsTest {
    @TempDir
    Path dir;
    Path config;
    Instant t0;

    @BeforeEach
    void aJournalWithAFailover() throws Exception {
        Path journal = dir.resolve("journal.db");
        config = dir.resolve("hadeck.yaml");
        Files.writeString(config, """
                clusters:
                  - name: lab
                    nodes:
                      - {name: node-1, host: 127.0.0.2, etcd: http://127.0.0.2:1}
                  - name: other
                    nodes:
                      - {name: a, host: 127.0.0.3, etcd: http://127.0.0.3:1}
                audit:
                  path: %s
                journal:
                  path: %s
                """.formatted(dir.resolve("audit.jsonl"), journal));
        Files.writeString(dir.resolve("audit.jsonl"), "{\"time\":\"" + Instant.now().minusSeconds(100) + "\",\"user\":\"alice\","
                + "\"host\":\"ops-1\",\"cluster\":\"lab\",\"action\":\"promote\",\"target\":\"node-2\",\"step\":\"confirm\","
                + "\"result\":\"confirmed\",\"detail\":\"typed node-2\"}\n");
        t0 = Instant.now().minusSeconds(300);
        try (Journal j = Journal.open(new JournalSettings(journal, Duration.ofDays(1)), Clock.systemUTC())) {
            j.append(List.of(
                    JournalEntry.of("lab", new Event(t0, Severity.CRIT, null, "finding raised: PG_NO_PRIMARY none",
                            "PG_NO_PRIMARY", Event.FindingChange.RAISED)),
                    JournalEntry.of("lab", new Event(t0.plusSeconds(18), Severity.OK, null, "finding cleared: PG_NO_PRIMARY",
                            "PG_NO_PRIMARY", Event.FindingChange.CLEARED)),
                    JournalEntry.of("lab", new Event(t0.plusSeconds(19), Severity.INFO, "node-2", "is the primary")),
                    JournalEntry.of("other", new Event(t0.plusSeconds(30), Severity.WARN, "a", "etcd unreachable"))));
        }
    }

    String[] hadeck(String... args) {
        List<String> argv = new ArrayList<>(List.of("--config", config.toString()));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(argv.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Confirmer.NOBODY);
        return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void eventsSinceReadsTheJournalWithTheAuditLogMergedIn() throws Exception {
        String[] r = hadeck("events", "--since", "1h", "--json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode all = Json.mapper().readTree(r[1]);
        List<String> texts = new ArrayList<>();
        all.forEach(e -> texts.add(e.get("source").asText() + ": " + e.get("text").asText()));
        assertThat(texts).containsExactly("hadeck: finding raised: PG_NO_PRIMARY none", "hadeck: finding cleared: PG_NO_PRIMARY",
                "hadeck: is the primary", "audit: promote confirm: confirmed — typed node-2 (alice@ops-1)");
        assertThat(all.get(3).get("detail").get("user").asText()).isEqualTo("alice");
    }

    @Test
    void filtersBySeverityNodeAndCluster() {
        assertThat(hadeck("events", "--since", "1h", "--severity", "warn")[1]).contains("PG_NO_PRIMARY none")
                .doesNotContain("is the primary").doesNotContain("etcd unreachable");
        assertThat(hadeck("events", "--since", "1h", "--cluster", "all", "--node", "a")[1])
                .contains("etcd unreachable").contains("PG_NO_PRIMARY").doesNotContain("is the primary");
        assertThat(hadeck("events", "--since", t0.plusSeconds(10).toString(), "--until", t0.plusSeconds(20).toString())[1])
                .contains("finding cleared").doesNotContain("none");
    }

    @Test
    void badWindowsAreOneLineUsageErrors() {
        String[] unknown = hadeck("events", "--since", "1h", "--cluster", "nope");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2].strip()).contains("no cluster named 'nope'").doesNotContain("\n").doesNotContain("Exception");
        String[] when = hadeck("events", "--since", "yesterday");
        assertThat(when[0]).isEqualTo("2");
        assertThat(when[2]).contains("'yesterday' is neither a duration back");
        String[] order = hadeck("events", "--since", "1h", "--until", "2h");
        assertThat(order[0]).isEqualTo("2");
        assertThat(order[2]).contains("--until must be later than --since");
    }

    @Test
    void incidentExportWritesTheTimelineAndTheDurations() throws Exception {
        Path out = dir.resolve("review");
        String[] r = hadeck("incident", "export", "--since", t0.minusSeconds(10).toString(), "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        Path md;
        try (var files = Files.list(out)) {
            md = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        assertThat(md.getFileName().toString()).startsWith("incident-lab-");
        assertThat(Files.getPosixFilePermissions(md)).hasSize(2);
        String text = Files.readString(md);
        assertThat(text).contains("- Time without a writable primary: 18s", "- Time in split-brain: none",
                "- Time to recover: 18s", "| PG_NO_PRIMARY | lab |  | CRIT |", "promote confirm: confirmed")
                .doesNotContain("etcd unreachable");
        JsonNode json = Json.mapper().readTree(md.resolveSibling(md.getFileName().toString().replace(".md", ".json")).toFile());
        assertThat(json.get("durations").get("noWritablePrimarySeconds").asDouble()).isEqualTo(18.0);
        assertThat(json.get("actions")).hasSize(1);
        assertThat(json.get("timeline")).hasSize(4);
    }
}
