package io.hadeck.watch;

import io.hadeck.model.Lsn;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.model.PgInstance;
import io.hadeck.model.PgRole;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandbyLagTest {

    private static final Instant T = Instant.parse("2026-11-23T03:00:00Z");

    private static NodeView node(String name, PgRole role, String current, String received, String replayed) {
        PgInstance pg = new PgInstance(role, "15.18", 1, PgInstance.TimelineSource.WAL_RECEIVER, Lsn.parse(current),
                received == null ? null : Lsn.parse(received), replayed == null ? null : Lsn.parse(replayed),
                received == null ? null : 0L, 0.0, null, null, false, List.of(), null, List.of());
        return NodeView.empty(name, "h").withPostgres(Observation.ok(pg, T, Duration.ofMillis(3)));
    }

    @Test
    void standbyLagIsMeasuredAgainstThePrimarysCurrentPosition() {
        List<NodeView> out = StandbyLag.apply(List.of(node("p", PgRole.PRIMARY, "0/5000000", null, null),
                node("s", PgRole.STANDBY, "0/4000000", "0/4000000", "0/4000000")));
        assertThat(out.get(1).postgres().value().lagBytes()).isEqualTo(0x1000000L);
        assertThat(out.get(1).postgres().readAt()).isEqualTo(T);
        assertThat(out.get(0).postgres().value().lagBytes()).isNull();
    }

    @Test
    void aStandbyReadAfterThePrimaryIsNeverNegativelyBehind() {
        List<NodeView> out = StandbyLag.apply(List.of(node("p", PgRole.PRIMARY, "0/4000000", null, null),
                node("s", PgRole.STANDBY, "0/4000100", "0/4000100", "0/4000100")));
        assertThat(out.get(1).postgres().value().lagBytes()).isZero();
    }

    @Test
    void twoPrimariesLeaveTheStandbysOwnFigure() {
        List<NodeView> in = List.of(node("p", PgRole.PRIMARY, "0/5000000", null, null),
                node("q", PgRole.PRIMARY, "0/6000000", null, null), node("s", PgRole.STANDBY, "0/4000000", "0/4000010", "0/4000000"));
        assertThat(StandbyLag.apply(in)).isEqualTo(in);
    }
}
