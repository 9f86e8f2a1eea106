package io.hadeck.events;

import io.hadeck.units.Sizes;
import io.hadeck.config.ClusterConfig.Thresholds;
import io.hadeck.model.PgInstance;
import io.hadeck.model.Severity;

/** Where a standby's lag stands against the configured thresholds; shared by events and panes. */
public final class LagLevel {
    private LagLevel() {
    }

    /** OK below warn, WARN from warn, CRIT from crit, by bytes or by seconds, whichever is worse. */
    public static Severity of(PgInstance pg, Thresholds t) {
        if (pg == null || pg.isPrimary()) {
            return Severity.OK;
        }
        Severity bytes = Severity.OK;
        if (pg.lagBytes() != null) {
            bytes = pg.lagBytes() >= t.lagCritBytes() ? Severity.CRIT
                    : pg.lagBytes() >= t.lagWarnBytes() ? Severity.WARN : Severity.OK;
        }
        Severity time = Severity.OK;
        if (pg.lagSeconds() != null) {
            double s = pg.lagSeconds();
            time = s >= t.lagCritTime().toSeconds() ? Severity.CRIT
                    : s >= t.lagWarnTime().toSeconds() ? Severity.WARN : Severity.OK;
        }
        return bytes.atLeast(time) ? bytes : time;
    }

    /** "12.0 MiB / 3.4 s" with whichever parts are known. */
    public static String describe(PgInstance pg) {
        String b = pg.lagBytes() == null ? "?" : Sizes.bytes(pg.lagBytes());
        String s = pg.lagSeconds() == null ? "?" : String.format("%.1f s", pg.lagSeconds());
        return b + " / " + s;
    }
}
