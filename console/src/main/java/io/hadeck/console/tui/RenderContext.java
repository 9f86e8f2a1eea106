package io.hadeck.console.tui;

import io.hadeck.config.ClusterConfig.Thresholds;
import io.hadeck.console.theme.Theme;

import java.time.Instant;
import java.time.ZoneId;

/**
 * What a pane needs besides the snapshot: how to draw (theme, glyphs), what time it is (ages and
 * staleness are relative to it) and the console's own state shown in the header.
 *
 * @param lockHolder who holds the action lock, null when nobody does
 */
public record RenderContext(Theme theme, Glyphs glyphs, Instant now, ZoneId zone, Thresholds thresholds,
                            boolean readOnly, boolean paused, String lockHolder, LagHistory lagHistory) {

    public RenderContext withTheme(Theme t) {
        return new RenderContext(t, glyphs, now, zone, thresholds, readOnly, paused, lockHolder, lagHistory);
    }
}
