package io.hadeck.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credential given by reference, never inline: a file path or an environment variable. It is
 * read only when used, and its text form never shows the value, so it cannot leak into a log,
 * a screen or JSON by accident.
 */
public record Secret(Kind kind, String reference) {

    public enum Kind { FILE, ENV }

    public static Secret file(String path) {
        return new Secret(Kind.FILE, path);
    }

    public static Secret env(String variable) {
        return new Secret(Kind.ENV, variable);
    }

    /** The secret's value, trailing newline removed; throws {@link ConfigException} if it cannot be read. */
    public String reveal() {
        return switch (kind) {
            case FILE -> {
                try {
                    yield Files.readString(Path.of(reference)).strip();
                } catch (IOException e) {
                    throw new ConfigException("cannot read secret file " + reference + ": " + e.getClass().getSimpleName());
                }
            }
            case ENV -> {
                String v = System.getenv(reference);
                if (v == null) {
                    throw new ConfigException("environment variable " + reference + " is not set");
                }
                yield v;
            }
        };
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? "{file: " + reference + "}" : "{env: " + reference + "}";
    }
}
