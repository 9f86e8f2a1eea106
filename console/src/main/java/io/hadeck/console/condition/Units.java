package io.hadeck.console.condition;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Size and duration literals as operators write them ({@code 16MB}, {@code 30s}, {@code 1.5GB},
 * {@code 500ms}). Sizes are binary (1 MB = 1024 KB) so they match the config's thresholds.
 */
public final class Units {

    private static final Pattern LITERAL = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

    private Units() {
    }

    /** Bytes for a size literal, empty when the text is not one. */
    public static Optional<Long> bytes(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long factor = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "", "B" -> 1L;
            case "K", "KB", "KIB" -> 1L << 10;
            case "M", "MB", "MIB" -> 1L << 20;
            case "G", "GB", "GIB" -> 1L << 30;
            case "T", "TB", "TIB" -> 1L << 40;
            default -> -1L;
        };
        return factor < 0 ? Optional.empty() : Optional.of((long) (Double.parseDouble(m.group(1)) * factor));
    }

    /** A duration literal ({@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}); a bare number is seconds. */
    public static Optional<Duration> duration(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        long millisPerUnit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "s", "sec" -> 1000L;
            case "ms" -> 1L;
            case "m", "min" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> -1L;
        };
        return millisPerUnit < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (n * millisPerUnit)));
    }

    /** For option converters: a duration or a one-line usage error. */
    public static Duration parseDuration(String text) {
        return duration(text.trim()).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 1h)"));
    }

    /** Human form of a byte count: 0 B, 512 KiB, 16.0 MiB. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[i]);
    }

    /** Human form of a duration: 250ms, 12s, 3m05s, 2h10m. */
    public static String humanDuration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
