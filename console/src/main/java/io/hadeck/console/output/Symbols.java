package io.hadeck.console.output;

import io.hadeck.model.Severity;
import java.util.Locale;

/** How plain-text output may look on this terminal: Unicode symbols or ASCII only. */
public record Symbols(boolean unicode) {

    public static Symbols detect() {
        String lang = firstSet(System.getenv("LC_ALL"), System.getenv("LC_CTYPE"), System.getenv("LANG"));
        return new Symbols(lang != null && lang.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8"));
    }

    public static Symbols ascii() {
        return new Symbols(false);
    }

    public String symbol(Severity s) {
        return unicode ? s.symbol() : s.asciiSymbol();
    }

    public String arrow() {
        return unicode ? "→" : "->";
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
