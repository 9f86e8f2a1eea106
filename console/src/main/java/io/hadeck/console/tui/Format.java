package io.hadeck.console.tui;

import java.time.Duration;

/** Short forms for ages and percentages, as they appear on screen. */
public final class Format {
    private Format() {
    }

    /** "0.4 s", "9 s", "2 m 05 s", "3 h 12 m". */
    public static String age(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format("%d m %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%d h %02d m", s / 3600, (s % 3600) / 60);
        }
        return (s / 86_400) + " d";
    }

    public static String percent(Number n) {
        if (n == null) {
            return "?%";
        }
        double v = n.doubleValue();
        return v == Math.rint(v) ? (long) v + "%" : String.format("%.1f%%", v);
    }

    /** Shortened to {@code max} characters with an ellipsis at the end. */
    public static String cut(String s, int max, Glyphs g) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return max <= 1 ? s.substring(0, Math.max(0, max)) : s.substring(0, max - 1) + g.ellipsis();
    }
}
