package io.hadeck.console.tui;

import java.util.List;

/** Tiny bar charts of recent values in one line of text, scaled to the largest value shown. */
public final class Sparkline {
    private Sparkline() {
    }

    /** The last {@code width} values; all-zero history draws the lowest bar, so "no lag" is visible. */
    public static String of(List<Long> values, int width, Glyphs g) {
        if (values.isEmpty() || width <= 0) {
            return "";
        }
        List<Long> shown = values.subList(Math.max(0, values.size() - width), values.size());
        long max = 0;
        for (Long v : shown) {
            max = Math.max(max, v == null ? 0 : v);
        }
        String bars = g.sparks();
        StringBuilder b = new StringBuilder(shown.size());
        for (Long v : shown) {
            long x = v == null ? 0 : Math.max(0, v);
            int i = max == 0 ? 0 : (int) Math.round((bars.length() - 1) * (double) x / max);
            b.append(bars.charAt(i));
        }
        return b.toString();
    }

    /** "[█████░░░░░]" for a percentage, {@code width} cells inside the brackets. */
    public static String progress(double percent, int width, Glyphs g) {
        int full = (int) Math.round(Math.max(0, Math.min(100, percent)) / 100.0 * width);
        return "[" + g.full().repeat(full) + g.empty().repeat(width - full) + "]";
    }
}
