package io.hadeck.units;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte counts, one spelling everywhere (findings, panes, plans, tables): "16 MiB", "4.2 KiB",
 * "512 B"; and one grammar for reading them (config, conditions): a number, a decimal fraction
 * allowed, and an optional unit B, K/KB/KiB, M/MB/MiB, G/GB/GiB, T/TB/TiB in any case, all in
 * powers of 1024 as PostgreSQL counts them; a bare number is bytes.
 */
public final class Sizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    private static final Pattern LITERAL = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?)\\s*([a-z]*)");

    private Sizes() {
    }

    public static String bytes(long b) {
        if (b < 1024 && b > -1024) {
            return b + " B";
        }
        double v = b;
        int i = -1;
        while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
            v /= 1024;
            i++;
        }
        return (Math.abs(v) >= 10 || v == Math.floor(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v)) + " " + UNITS[i];
    }

    public static String kib(long k) {
        return bytes(k * 1024);
    }

    /** Bytes for a size literal ("16MB", "1.5 GiB", "512"); empty when the text is not one or is too large. */
    public static Optional<Long> parse(String text) {
        Matcher m = LITERAL.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int shift = switch (m.group(2)) {
            case "", "b" -> 0;
            case "k", "kb", "kib" -> 10;
            case "m", "mb", "mib" -> 20;
            case "g", "gb", "gib" -> 30;
            case "t", "tb", "tib" -> 40;
            default -> -1;
        };
        if (shift < 0) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(1)) * (1L << shift);
        return v >= Long.MAX_VALUE ? Optional.empty() : Optional.of((long) v);
    }
}
