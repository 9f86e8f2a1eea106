package io.hadeck.journal;

import io.hadeck.events.Event;
import io.hadeck.model.FindingCode;
import io.hadeck.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {
    static final Instant T0 = Instant.parse("2026-12-01T04:00:00Z");

    static JournalEntry finding(int s, FindingCode code, String node, Severity sev, Event.FindingChange change) {
        return new JournalEntry(T0.plusSeconds(s), "lab", JournalEntry.Source.HADECK,
                change == Event.FindingChange.CLEARED ? Severity.OK : sev, node, code.name(), change, code + " " + change.word(),
                null, null);
    }

    @Test
    void aCrashedPrimaryCountsTimeWithoutAPrimaryAndTimeToRecover() {
        List<JournalEntry> entries = List.of(
                finding(2, FindingCode.UNREACHABLE, "node-1", Severity.CRIT, Event.FindingChange.RAISED),
                finding(3, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.RAISED),
                finding(21, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.CLEARED),
                new JournalEntry(T0.plusSeconds(30), "lab", JournalEntry.Source.AUDIT, Severity.INFO, "node-1", "node-start",
                        null, "restart", null, null),
                finding(40, FindingCode.UNREACHABLE, "node-1", Severity.CRIT, Event.FindingChange.CLEARED));
        Incident i = Incident.of(T0, T0.plusSeconds(60), entries);
        assertThat(i.noWritablePrimary()).isEqualTo(Duration.ofSeconds(18));
        assertThat(i.splitBrain()).isZero();
        assertThat(i.toRecover()).isEqualTo(Duration.ofSeconds(38));
        assertThat(i.actions()).hasSize(1);
        assertThat(i.stillOpen()).isEmpty();
    }

    @Test
    void aSplitBrainStillOpenCountsToTheEndAndIsNotRecovered() {
        Incident i = Incident.of(T0, T0.plusSeconds(100), List.of(
                finding(10, FindingCode.PG_TWO_PRIMARIES, null, Severity.CRIT, Event.FindingChange.RAISED)));
        assertThat(i.splitBrain()).isEqualTo(Duration.ofSeconds(90));
        assertThat(i.toRecover()).isNull();
        assertThat(i.stillOpen()).containsExactly("lab|PG_TWO_PRIMARIES|null");
    }

    @Test
    void aFindingRaisedBeforeTheWindowCountsFromItsStart() {
        Incident i = Incident.of(T0, T0.plusSeconds(100), List.of(
                finding(25, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.CLEARED)));
        assertThat(i.noWritablePrimary()).isEqualTo(Duration.ofSeconds(25));
        assertThat(i.toRecover()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void overlappingNoPrimaryFindingsCountOnce() {
        Incident i = Incident.of(T0, T0.plusSeconds(100), List.of(
                finding(0, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.RAISED),
                finding(5, FindingCode.LEADER_KEY_MISSING, null, Severity.CRIT, Event.FindingChange.RAISED),
                finding(10, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.CLEARED),
                finding(12, FindingCode.LEADER_KEY_MISSING, null, Severity.CRIT, Event.FindingChange.CLEARED)));
        assertThat(i.noWritablePrimary()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void twoWatchersJournalingTheSameFailoverCountItOnce() {
        Incident i = Incident.of(T0, T0.plusSeconds(100), List.of(
                finding(3, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.RAISED),
                finding(4, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.RAISED),
                finding(21, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.CLEARED),
                finding(22, FindingCode.PG_NO_PRIMARY, null, Severity.CRIT, Event.FindingChange.CLEARED)));
        assertThat(i.noWritablePrimary()).isEqualTo(Duration.ofSeconds(18));
        assertThat(i.toRecover()).isEqualTo(Duration.ofSeconds(18));
    }
}
