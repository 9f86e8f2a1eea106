package io.hadeck.console.line;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a shell would, minus the shell: 'single' and "double" quotes,
 * backslash escapes, ';' between commands, '#' starting a comment. No globbing, no pipes.
 */
public final class LineSplitter {

    private LineSplitter() {
    }

    /** One argument list per command on the line; empty commands are dropped. */
    public static List<List<String>> commands(String line) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        StringBuilder tok = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    tok.append(line.charAt(++i));
                } else {
                    tok.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                tok = tok == null ? new StringBuilder() : tok;
            } else if (c == '\\' && i + 1 < line.length()) {
                tok = tok == null ? new StringBuilder() : tok;
                tok.append(line.charAt(++i));
            } else if (Character.isWhitespace(c) || c == ';') {
                if (tok != null) {
                    cur.add(tok.toString());
                    tok = null;
                }
                if (c == ';') {
                    flush(out, cur);
                    cur = new ArrayList<>();
                }
            } else if (c == '#' && tok == null) {
                break;
            } else {
                tok = tok == null ? new StringBuilder() : tok;
                tok.append(c);
            }
        }
        if (quote != 0) {
            throw CommandException.usage("unterminated " + (quote == '"' ? "double" : "single") + " quote");
        }
        if (tok != null) {
            cur.add(tok.toString());
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<List<String>> out, List<String> cur) {
        if (!cur.isEmpty()) {
            out.add(List.copyOf(cur));
        }
    }
}
