package io.hadeck.console.tui;

import io.hadeck.model.Severity;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

/**
 * The characters the screen draws with: box drawing and block elements on UTF-8 terminals,
 * plain ASCII on vt100-class terminals or when the locale is not UTF-8.
 */
public record Glyphs(boolean unicode, String horizontal, String vertical, String topLeft, String topRight,
                     String bottomLeft, String bottomRight, String sparks, String full, String empty, String dot,
                     String arrow, String ellipsis, String separator) {

    public static final Glyphs UNICODE = new Glyphs(true, "─", "│", "┌", "┐", "└", "┘", "▁▂▃▄▅▆▇█", "█", "░", "·",
            "→", "…", "│");
    public static final Glyphs ASCII = new Glyphs(false, "-", "|", "+", "+", "+", "+", "_.-~=+*#", "#", "-", "-",
            "->", "~", "|");

    public String symbol(Severity s) {
        return unicode ? s.symbol() : s.asciiSymbol();
    }

    /** UTF-8 glyphs unless the terminal type cannot draw them or the locale/charset is not UTF-8. */
    public static Glyphs detect(Map<String, String> env, Charset charset) {
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.equals("dumb") || term.startsWith("vt1") || term.startsWith("vt2")) {
            return ASCII;
        }
        String locale = firstSet(env, "LC_ALL", "LC_CTYPE", "LANG");
        if (locale != null) {
            String l = locale.toLowerCase(Locale.ROOT);
            return l.contains("utf-8") || l.contains("utf8") ? UNICODE : ASCII;
        }
        return charset.name().toLowerCase(Locale.ROOT).contains("utf") ? UNICODE : ASCII;
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
