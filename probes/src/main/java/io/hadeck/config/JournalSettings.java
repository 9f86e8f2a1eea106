package io.hadeck.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the incident journal lives and how long it keeps entries ({@code journal:} in the file).
 *
 * @param path      the SQLite file; its directory is created 0700 and the file 0600
 * @param retention entries older than this are deleted when a writer opens the journal
 */
public record JournalSettings(Path path, Duration retention) {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

    public JournalSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(retention, "retention");
    }

    public static JournalSettings defaults() {
        return new JournalSettings(defaultPath(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home", ".")),
                DEFAULT_RETENTION);
    }

    /** {@code $XDG_STATE_HOME/hadeck/journal.db}, else {@code ~/.local/state/hadeck/journal.db}: beside the audit log. */
    public static Path defaultPath(String xdgStateHome, String home) {
        return ClusterConfig.Audit.defaultPath(xdgStateHome, home).resolveSibling("journal.db");
    }
}
