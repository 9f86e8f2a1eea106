package io.hadeck.units;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations: one grammar for reading them (config, conditions, options) — a number, a decimal
 * fraction allowed, and a unit ms, s, m/min, h or d; a bare number is seconds, as in Patroni's
 * and PostgreSQL's own settings — and the compact spelling of tables and progress lines
 * (250ms, 12s, 3m05s, 2h10m).
 */
public final class Durations {
    private static final Pattern LITERAL = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,6})?)\\s*([a-z]*)");

    private Durations() {
    }

    /** Empty when the text is not a duration. */
    public static Optional<Duration> parse(String text) {
        Matcher m = LITERAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long millisPerUnit = switch (m.group(2)) {
            case "", "s", "sec" -> 1000L;
            case "ms" -> 1L;
            case "m", "min" -> 60_000L;
            case "h" -> 3_600_000L;
            case "d" -> 86_400_000L;
            default -> -1L;
        };
        return millisPerUnit < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * millisPerUnit)));
    }

    /** For option converters: a duration or a one-line usage error. */
    public static Duration parseOrThrow(String text) {
        return parse(text).orElseThrow(() ->
                new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 30s, 5m, 1h)"));
    }

    /** 250ms, 12s, 3m05s, 2h10m. */
    public static String compact(Duration d) {
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
