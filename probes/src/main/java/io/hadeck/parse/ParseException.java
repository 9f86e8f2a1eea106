package io.hadeck.parse;

/** Text a parser did not understand; the message names the line (1-based) and what was expected. */
public class ParseException extends RuntimeException {

    private final int line;

    public ParseException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** 1-based line number, 0 when the problem is not on one line (e.g. empty input). */
    public int line() {
        return line;
    }
}
