package io.hadeck.console.batch;

import java.util.ArrayList;
import java.util.List;

/** One non-empty, non-comment line of a batch file and where it came from (FILE:LINE). */
public record BatchLine(String source, int number, String text) {

    public String where() {
        return source + ":" + number;
    }

    /** -c "a; b" is one line; a file is split at newlines. Blank and '#' lines are dropped. */
    public static List<BatchLine> split(String source, String text) {
        List<BatchLine> out = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(new BatchLine(source, i + 1, t));
            }
        }
        return out;
    }
}
