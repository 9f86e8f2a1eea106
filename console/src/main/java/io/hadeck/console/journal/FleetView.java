package io.hadeck.console.journal;

import io.hadeck.units.Durations;
import io.hadeck.units.Sizes;
import io.hadeck.console.output.Obj;
import io.hadeck.console.output.Symbols;
import io.hadeck.console.output.Table;
import io.hadeck.fleet.FleetRow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The fleet as a table for people and JSON for machines; the console's fleet view uses {@link #cells}. */
public final class FleetView {
    public static final String[] HEADERS = {"", "CLUSTER", "KIND", "LEADER/OWNER", "WORST LAG", "LAST CHANGE", "WORST FINDING"};

    private FleetView() {
    }

    public static String table(List<FleetRow> rows, Symbols style, Instant now) {
        Table t = new Table(HEADERS);
        rows.forEach(r -> t.row((Object[]) cells(r, style.symbol(r.worst()), now)));
        return t.render();
    }

    public static String[] cells(FleetRow r, String symbol, Instant now) {
        return new String[]{symbol, r.cluster(), r.kind(), r.leader() == null ? "none" : r.leader(),
                r.worstLag() == null ? "-" : Sizes.bytes(r.worstLag()), ago(r.lastChange(), now),
                r.finding() == null ? "ok" : r.finding()};
    }

    public static Map<String, Object> json(FleetRow r) {
        return Obj.of().put("cluster", r.cluster()).put("kind", r.kind())
                .put("worst", r.worst().name().toLowerCase(java.util.Locale.ROOT)).put("finding", r.finding())
                .put("leader", r.leader()).put("worstLagBytes", r.worstLag())
                .put("lastChange", r.lastChange() == null ? null : r.lastChange().toString()).map();
    }

    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "-";
        }
        Duration d = Duration.between(then, now);
        return d.isNegative() ? "just now" : Durations.compact(d) + " ago";
    }
}
