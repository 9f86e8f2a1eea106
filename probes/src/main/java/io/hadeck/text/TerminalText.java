package io.hadeck.text;

/**
 * The one sanitiser for text that comes from outside hadeck (remote output, parsed files, server
 * replies, exception messages) on its way to a terminal: control characters are shown escaped
 * ({@code \x1b}, {@code \u009b}) so a node cannot set the terminal's title, move its cursor, write
 * the clipboard (OSC 52) or hide text with bidi overrides. Printable text, including non-ASCII,
 * passes unchanged.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** For multi-line text: newlines and tabs stay, every other control character is escaped. */
    public static String escape(String s) {
        return s == null ? null : escape(s, true);
    }

    /** For one table cell or one line: newlines and tabs are escaped too. */
    public static String oneLine(String s) {
        return s == null ? null : escape(s, false);
    }

    /** True when {@code c} would be escaped in a single line. */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    private static String escape(String s, boolean keepLines) {
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c, keepLines)) {
                b.append(c);
            } else if (c < 0x80) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) {
            return false;
        }
        return isControl(c);
    }
}
