package io.hadeck.journal;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The journal's SQLite file, opened. SQLite in WAL mode lets readers go on while one writer writes;
 * writers take the lock up front ({@code BEGIN IMMEDIATE}) and wait up to the busy timeout for each
 * other, so several consoles and watchers writing at once lose nothing. The directory is 0700 and
 * the file 0600: the journal holds hostnames, node names and who did what.
 */
final class JournalFile {
    static final int BUSY_TIMEOUT_MS = 10_000;
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS entry (
              id       INTEGER PRIMARY KEY AUTOINCREMENT,
              at_ms    INTEGER NOT NULL,
              cluster  TEXT    NOT NULL,
              source   TEXT    NOT NULL,
              severity INTEGER NOT NULL,
              node     TEXT,
              code     TEXT,
              change   TEXT,
              text     TEXT    NOT NULL,
              detail   TEXT,
              ref      TEXT
            );
            CREATE INDEX IF NOT EXISTS entry_at ON entry(at_ms);
            CREATE UNIQUE INDEX IF NOT EXISTS entry_ref ON entry(cluster, source, ref) WHERE ref IS NOT NULL;
            CREATE TABLE IF NOT EXISTS imported (file TEXT PRIMARY KEY, offset INTEGER NOT NULL);
            """;

    private JournalFile() {
    }

    /** The connection to {@code file} (created if needed), its schema in place. */
    static Connection open(Path file) throws IOException, SQLException {
        prepare(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try (Statement st = c.createStatement()) {
            for (String sql : SCHEMA.split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** The directory 0700 and the file 0600 before SQLite touches them (its -wal and -shm copy the file's mode). */
    private static void prepare(Path file) throws IOException {
        Path dir = file.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                privateStateDir(dir);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another hadeck created it a moment ago: fine
            }
        }
    }

    /**
     * hadeck's own state directory (named hadeck, ours) may have been made 0755 by the log file
     * before: it holds the journal now, so it becomes 0700. Any other directory (a path chosen in
     * the config, /var/tmp…) is left as it is: changing a shared directory's mode would break others.
     */
    private static void privateStateDir(Path dir) {
        try {
            if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("hadeck")
                    && Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the journal file itself is 0600 regardless
        }
    }
}
