package io.hadeck.console.output;

import java.nio.file.Path;

/** Where hadeck logs and keeps state; no logger here because logback asks this while starting. */
public final class LogFile {

    private LogFile() {
    }

    /** $HADECK_LOG, else $XDG_STATE_HOME/hadeck/hadeck.log, else ~/.local/state/hadeck/hadeck.log. */
    public static Path path() {
        String explicit = System.getenv("HADECK_LOG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return stateDir().resolve("hadeck.log");
    }

    /** $XDG_STATE_HOME/hadeck, default ~/.local/state/hadeck. */
    public static Path stateDir() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("hadeck");
    }
}
