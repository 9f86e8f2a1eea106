package io.hadeck.journal;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PatroniHistoryTest {

    @Test
    void aSwitchoverRecordedByPatroni302IsOneEntryKeyedByItsTimeline() throws Exception {
        // GET /history on the lab after POST /switchover {"leader":"node-1","candidate":"node-2"}
        String json = Files.readString(Path.of("src/test/resources/journal/patroni-3.0.2-history.json"));
        List<JournalEntry> entries = PatroniHistory.parse("lab", json);
        assertThat(entries).hasSize(1);
        JournalEntry e = entries.get(0);
        assertThat(e.at()).isEqualTo(Instant.parse("2026-12-01T04:24:10.454683Z"));
        assertThat(e.source()).isEqualTo(JournalEntry.Source.PATRONI);
        assertThat(e.node()).isEqualTo("node-2");
        assertThat(e.text()).isEqualTo("timeline 1 ended at LSN 67109256, new leader node-2: no recovery target specified");
        assertThat(e.ref()).isEqualTo("timeline 1");
    }

    @Test
    void anEmptyOrBrokenHistoryAddsNothing() {
        assertThat(PatroniHistory.parse("lab", "[]")).isEmpty();
        assertThat(PatroniHistory.parse("lab", "<html>")).isEmpty();
        assertThat(PatroniHistory.parse("lab", "[[2, 1, \"x\"]]")).isEmpty();
    }

    @Test
    void olderPatroniWithoutAnOffsetOrANewLeaderStillCounts() {
        List<JournalEntry> e = PatroniHistory.parse("lab", "[[3, 100, \"failover\", \"2026-12-01T04:00:00\"]]");
        assertThat(e).singleElement().satisfies(x -> {
            assertThat(x.at()).isEqualTo(Instant.parse("2026-12-01T04:00:00Z"));
            assertThat(x.node()).isNull();
        });
    }
}
