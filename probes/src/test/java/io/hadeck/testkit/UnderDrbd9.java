package io.hadeck.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a test class with the lab's DRBD pair speaking DRBD 9 ({@code /proc/drbd} holds only the
 * version; the state comes from {@code drbdadm status}), then puts back the format it found: a
 * subclass of an IT with {@code @ExtendWith(UnderDrbd9.class)} runs the same scenarios under both.
 * A lab without the DRBD part is left alone.
 */
public final class UnderDrbd9 implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(UnderDrbd9.class);
    private static final Pattern FORMAT = Pattern.compile("\"format\": \"([0-9.]+)\"");

    @Override
    public void beforeAll(ExtensionContext context) {
        String found = format();
        if (found == null) {
            return;
        }
        context.getStore(NS).put("found", found);
        Lab.run("fault", "drbd-format", "9");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String found = context.getStore(NS).get("found", String.class);
        if (found != null) {
            Lab.run("fault", "drbd-format", found);
        }
    }

    /** The format the lab's simulator serves now (its pair state), null when the lab runs no DRBD pair. */
    static String format() {
        Path state = Lab.dir().resolve("drbd").resolve("state.json");
        if (!Files.isRegularFile(state)) {
            return null;
        }
        try {
            Matcher m = FORMAT.matcher(Files.readString(state));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
