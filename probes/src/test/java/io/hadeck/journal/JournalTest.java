package io.hadeck.journal;

import io.hadeck.config.JournalSettings;
import io.hadeck.events.Event;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Journal open() {
        return Journal.open(new JournalSettings(dir.resolve("state/hadeck/journal.db"), Duration.ofDays(30)), CLOCK);
    }

    static JournalEntry event(int second, String cluster, Severity s, String node, String text) {
        return JournalEntry.of(cluster, new Event(T0.plusSeconds(second), s, node, text));
    }

    @Test
    void aNewJournalIsPrivateToTheOperator() throws Exception {
        try (Journal j = open()) {
            j.append(List.of(event(1, "lab", Severity.INFO, null, "x")));
        }
        Path db = dir.resolve("state/hadeck/journal.db");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void readsAWindowOldestFirstFilteredByClusterNodeAndSeverity() {
        try (Journal j = open()) {
            j.append(List.of(
                    event(10, "lab", Severity.CRIT, null, "nobody holds the HA leader key (was node-1)"),
                    event(5, "lab", Severity.WARN, "node-1", "PostgreSQL unreachable"),
                    event(20, "lab", Severity.OK, "node-2", "took the HA leader key"),
                    event(15, "other", Severity.CRIT, "a", "etcd quorum lost: 1/3 healthy")));
            assertThat(j.query(JournalQuery.since(T0)).stream().map(JournalEntry::text)).containsExactly(
                    "PostgreSQL unreachable", "nobody holds the HA leader key (was node-1)",
                    "etcd quorum lost: 1/3 healthy", "took the HA leader key");
            assertThat(j.query(JournalQuery.since(T0).cluster("lab").least(Severity.WARN)))
                    .extracting(JournalEntry::text)
                    .containsExactly("PostgreSQL unreachable", "nobody holds the HA leader key (was node-1)");
            assertThat(j.query(JournalQuery.since(T0).cluster("lab").node("node-2")))
                    .extracting(JournalEntry::text)
                    .containsExactly("nobody holds the HA leader key (was node-1)", "took the HA leader key");
            assertThat(j.query(JournalQuery.since(T0.plusSeconds(6)).until(T0.plusSeconds(15))))
                    .extracting(JournalEntry::text).containsExactly("nobody holds the HA leader key (was node-1)");
            assertThat(j.query(JournalQuery.since(T0).limit(1))).extracting(JournalEntry::text)
                    .containsExactly("took the HA leader key");
        }
    }

    @Test
    void findingTransitionsKeepTheirCodeAndChange() {
        Event raised = new Event(T0, Severity.CRIT, null, "finding raised: PG_NO_PRIMARY no writable primary",
                FindingCode.PG_NO_PRIMARY.name(), Event.FindingChange.RAISED);
        try (Journal j = open()) {
            j.append(List.of(JournalEntry.of("lab", raised)));
            JournalEntry back = j.query(JournalQuery.since(T0)).get(0);
            assertThat(back.code()).isEqualTo(FindingCode.PG_NO_PRIMARY.name());
            assertThat(back.change()).isEqualTo(Event.FindingChange.RAISED);
            assertThat(back.source()).isEqualTo(JournalEntry.Source.HADECK);
        }
    }

    @Test
    void historyReadByTwoProcessesIsAddedOnce() {
        String history = "[[1,25165984,\"no recovery target specified\",\"2026-12-01T03:10:00.1+00:00\",\"node-2\"]]";
        try (Journal a = open(); Journal b = open()) {
            assertThat(a.append(PatroniHistory.parse("lab", history))).isEqualTo(1);
            assertThat(b.append(PatroniHistory.parse("lab", history))).isZero();
            assertThat(a.query(JournalQuery.since(T0))).hasSize(1);
        }
    }

    @Test
    void entriesOlderThanTheRetentionGoWhenAWriterOpens() {
        try (Journal j = open()) {
            j.append(List.of(new JournalEntry(T0.minus(Duration.ofDays(31)), "lab", JournalEntry.Source.HADECK,
                    Severity.INFO, null, null, null, "long ago", null, null), event(1, "lab", Severity.INFO, null, "recent")));
        }
        try (Journal j = open()) {
            assertThat(j.query(JournalQuery.since(Instant.EPOCH))).extracting(JournalEntry::text).containsExactly("recent");
        }
    }

    @Test
    void auditLinesAreImportedOnceEachAcrossImporters() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        String line1 = "{\"time\":\"2026-12-01T03:00:30Z\",\"user\":\"alice\",\"host\":\"ops-1\",\"cluster\":\"lab\","
                + "\"action\":\"switchover\",\"target\":\"node-2\",\"step\":\"confirm\",\"result\":\"confirmed\","
                + "\"detail\":\"typed node-2\"}\n";
        String line2 = "{\"time\":\"2026-12-01T03:00:33Z\",\"user\":\"alice\",\"host\":\"ops-1\",\"cluster\":\"lab\","
                + "\"action\":\"switchover\",\"target\":\"node-2\",\"step\":\"end\",\"result\":\"ok\","
                + "\"detail\":\"node-2 is the primary\"}\n";
        Files.writeString(audit, line1 + "{\"time\":\"2026-12-01T03:00:31Z\",\"clus");  // torn: still being written
        try (Journal a = open(); Journal b = open()) {
            assertThat(AuditImport.into(a, audit)).isEqualTo(1);
            assertThat(AuditImport.into(b, audit)).isZero();
            Files.writeString(audit, line1 + line2);
            assertThat(AuditImport.into(b, audit)).isEqualTo(1);
            List<JournalEntry> got = a.query(JournalQuery.since(T0));
            assertThat(got).extracting(JournalEntry::text).containsExactly(
                    "switchover confirm: confirmed — typed node-2 (alice@ops-1)",
                    "switchover end: ok — node-2 is the primary (alice@ops-1)");
            assertThat(got.get(0).source()).isEqualTo(JournalEntry.Source.AUDIT);
            assertThat(got.get(0).node()).isEqualTo("node-2");
        }
    }

    @Test
    void twoWritersAtOnceLoseNothing() throws Exception {
        int perWriter = 400;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Journal a = open(); Journal b = open()) {
            List<Future<?>> done = new ArrayList<>();
            for (Journal j : List.of(a, b)) {
                String who = j == a ? "a" : "b";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        j.append(List.of(event(i % 3000, "lab", Severity.INFO, who, "event " + i)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(a.query(JournalQuery.since(T0))).hasSize(2 * perWriter);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aJournalThatCannotBeCreatedSaysWhereAndWhy() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        assertThatThrownBy(() -> Journal.open(new JournalSettings(blocker.resolve("journal.db"), Duration.ofDays(1)), CLOCK))
                .isInstanceOf(JournalException.class).hasMessageContaining("cannot open the journal " + blocker);
    }
}
