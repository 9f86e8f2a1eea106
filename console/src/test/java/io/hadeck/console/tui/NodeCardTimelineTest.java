package io.hadeck.console.tui;

import io.hadeck.model.PgInstance;
import io.hadeck.model.PgInstance.TimelineSource;
import io.hadeck.model.PgRole;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A standby that is not streaming shows the timeline it has at least reached, never a guess as fact. */
class NodeCardTimelineTest {

    private static PgInstance standby(int timeline, TimelineSource source) {
        return new PgInstance(PgRole.STANDBY, "15.18", timeline, source, null, null, null, null, null, null, null,
                false, List.of(), null, List.of());
    }

    @Test
    void exactTimelinesAreShownAsTheyAre() {
        assertThat(NodeCard.timeline(standby(3, TimelineSource.WAL_RECEIVER), Glyphs.UNICODE)).isEqualTo("3");
        assertThat(NodeCard.timeline(standby(3, TimelineSource.CURRENT_WAL), Glyphs.ASCII)).isEqualTo("3");
    }

    @Test
    void aLowerBoundSaysSo() {
        assertThat(NodeCard.timeline(standby(2, TimelineSource.AT_LEAST), Glyphs.UNICODE)).isEqualTo("\u22652");
        assertThat(NodeCard.timeline(standby(2, TimelineSource.AT_LEAST), Glyphs.ASCII)).isEqualTo(">=2");
    }

    @Test
    void anUnknownTimelineIsAQuestionMark() {
        assertThat(NodeCard.timeline(standby(0, TimelineSource.UNKNOWN), Glyphs.UNICODE)).isEqualTo("?");
    }
}
