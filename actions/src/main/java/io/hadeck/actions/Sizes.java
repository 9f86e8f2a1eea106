package io.hadeck.actions;

/** Byte counts as operators read them: "16 MiB", "4.2 kiB", "512 B". */
public final class Sizes {
    private Sizes() {
    }

    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return (v >= 10 || v == Math.floor(v) ? String.format("%.0f", v) : String.format("%.1f", v)) + " " + units[i];
    }

    public static String kib(long k) {
        return bytes(k * 1024);
    }
}
