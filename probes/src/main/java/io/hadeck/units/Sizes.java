package io.hadeck.units;

import java.util.Locale;

/** Byte counts as operators read them, one spelling everywhere: "16 MiB", "4.2 KiB", "512 B". */
public final class Sizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

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
}
