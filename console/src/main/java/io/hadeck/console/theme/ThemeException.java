package io.hadeck.console.theme;

/** A theme that cannot be used (unknown name, unreadable file, bad JSON): the operator's input, a one-line reason. */
public final class ThemeException extends RuntimeException {
    public ThemeException(String message) {
        super(message);
    }
}
