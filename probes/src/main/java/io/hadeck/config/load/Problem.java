package io.hadeck.config.load;

/** One configuration problem at a line of a file; prints as {@code FILE:LINE: message}. */
public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
