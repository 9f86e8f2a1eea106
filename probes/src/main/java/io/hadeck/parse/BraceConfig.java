package io.hadeck.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical side of the brace-and-word configurations hadeck reads ({@code drbdadm dump},
 * keepalived.conf): one line's words, with braces and semicolons as words of their own, a quoted
 * string as one word (its quotes dropped), and a comment character outside quotes ending the line.
 */
final class BraceConfig {

    private BraceConfig() {
    }

    /** The words of line {@code no}; {@code comments} lists the characters that start a comment. */
    static List<String> words(int no, String line, String comments) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (comments.indexOf(c) >= 0) {
                break;
            } else if (c == '{' || c == '}' || c == ';') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                while (end > 0 && line.charAt(end - 1) == '\\') {
                    end = line.indexOf('"', end + 1);
                }
                if (end < 0) {
                    throw new ParseException(no, "unterminated quoted string");
                }
                out.add(line.substring(i + 1, end));
                i = end + 1;
            } else {
                int j = i;
                while (j < line.length() && !Character.isWhitespace(line.charAt(j)) && "{};\"".indexOf(line.charAt(j)) < 0
                        && comments.indexOf(line.charAt(j)) < 0) {
                    j++;
                }
                out.add(line.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
