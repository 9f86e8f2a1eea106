package io.hadeck.config;

import java.io.IOException;
import io.hadeck.files.BoundedText;
import io.hadeck.files.FileModes;
import io.hadeck.text.Redactor;
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
                var unsafe = FileModes.secretProblem(Path.of(reference));
                if (unsafe.isPresent()) {
                    throw new ConfigException("secret file " + reference + ": " + unsafe.get());
                }
                try {
                    yield remembered(BoundedText.read(Path.of(reference), 64 * 1024).strip());
                } catch (BoundedText.Refused e) {
                    throw new ConfigException("secret file " + e.getMessage());
                } catch (IOException e) {
                    throw new ConfigException("cannot read secret file " + reference + ": " + e.getClass().getSimpleName());
                }
            }
            case ENV -> {
                String v = System.getenv(reference);
                if (v == null) {
                    throw new ConfigException("environment variable " + reference + " is not set");
                }
                yield remembered(v);
            }
        };
    }

    /** The redactor learns every revealed value, so it is masked wherever it turns up later. */
    private static String remembered(String value) {
        Redactor.remember(value);
        return value;
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? "{file: " + reference + "}" : "{env: " + reference + "}";
    }
}
