package io.hadeck.journal;

import io.hadeck.config.JournalSettings;
import io.hadeck.events.Event;
import io.hadeck.model.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The incident journal: one SQLite file on the operator's host that every hadeck process appends to
 * and any later one queries by time (how the file is opened, its modes and its schema:
 * {@link JournalFile}).
 */
public final class Journal implements AutoCloseable {
    private final Path file;
    private final JournalSettings settings;
    private final Clock clock;
    private final Connection db;

    private Journal(JournalSettings settings, Clock clock, Connection db) {
        this.file = settings.path();
        this.settings = settings;
        this.clock = clock;
        this.db = db;
    }

    /** Opens (creating if needed) the journal and deletes entries older than the retention. */
    public static Journal open(JournalSettings settings, Clock clock) {
        Path file = settings.path().toAbsolutePath();
        try {
            Journal j = new Journal(settings, clock, JournalFile.open(file));
            j.prune();
            return j;
        } catch (IOException | SQLException e) {
            throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends in one transaction; entries with a {@code ref} already present are skipped. Returns how many were added. */
    public synchronized int append(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        try {
            return inTransaction(() -> insert(entries));
        } catch (SQLException e) {
            throw new JournalException("cannot write the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private int insert(List<JournalEntry> entries) throws SQLException {
        int added = 0;
        try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO entry "
                + "(at_ms, cluster, source, severity, node, code, change, text, detail, ref) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (JournalEntry e : entries) {
                ps.setLong(1, e.at().toEpochMilli());
                ps.setString(2, e.cluster());
                ps.setString(3, e.source().word());
                ps.setInt(4, e.severity().ordinal());
                setOrNull(ps, 5, e.node());
                setOrNull(ps, 6, e.code());
                setOrNull(ps, 7, e.change() == null ? null : e.change().word());
                ps.setString(8, e.text());
                setOrNull(ps, 9, e.detail());
                setOrNull(ps, 10, e.ref());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Entries of the window, oldest first (by time, then by the order they were written). */
    public synchronized List<JournalEntry> query(JournalQuery q) {
        StringBuilder sql = new StringBuilder("SELECT at_ms, cluster, source, severity, node, code, change, text, detail, ref "
                + "FROM entry WHERE at_ms >= ? AND severity >= ?");
        List<Object> args = new ArrayList<>(List.of(q.since().toEpochMilli(), q.least().ordinal()));
        if (q.until() != null) {
            sql.append(" AND at_ms < ?");
            args.add(q.until().toEpochMilli());
        }
        if (q.cluster() != null) {
            sql.append(" AND cluster = ?");
            args.add(q.cluster());
        }
        if (q.node() != null) {
            sql.append(" AND (node = ? OR node IS NULL)");
            args.add(q.node());
        }
        sql.append(" ORDER BY at_ms DESC, id DESC LIMIT ?");
        args.add(q.limit());
        List<JournalEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read the journal " + file + ": " + e.getMessage(), e);
        }
        Collections.reverse(out);
        return out;
    }

    private static JournalEntry row(ResultSet rs) throws SQLException {
        String change = rs.getString(7);
        return new JournalEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                JournalEntry.Source.of(rs.getString(3)), Severity.values()[rs.getInt(4)], rs.getString(5),
                rs.getString(6), change == null ? null : Event.FindingChange.valueOf(change.toUpperCase(java.util.Locale.ROOT)),
                rs.getString(8), rs.getString(9), rs.getString(10));
    }

    /**
     * Appends what was added to a line-oriented file since the last import (the audit log), remembering
     * how far it got in the same transaction: two processes importing at once add each line once.
     * A file shorter than the remembered offset was rotated: it is read again from the start.
     *
     * @param parse one line to an entry, null to skip the line (a torn last line, an unknown shape)
     */
    public synchronized int importLines(Path source, Function<String, JournalEntry> parse) {
        if (!Files.isRegularFile(source)) {
            return 0;
        }
        String key = source.toAbsolutePath().normalize().toString();
        try {
            return inTransaction(() -> {
                long offset = offset(key);
                byte[] all = Files.readAllBytes(source);
                if (all.length < offset) {
                    offset = 0;
                }
                int end = lastNewline(all);
                if (end <= offset) {
                    return 0;
                }
                String text = new String(all, (int) offset, (int) (end - offset), StandardCharsets.UTF_8);
                List<JournalEntry> entries = new ArrayList<>();
                for (String line : text.split("\n")) {
                    JournalEntry e = line.isBlank() ? null : parse.apply(line);
                    if (e != null) {
                        entries.add(e);
                    }
                }
                int added = insert(entries);
                try (PreparedStatement ps = db.prepareStatement(
                        "INSERT INTO imported(file, offset) VALUES(?, ?) ON CONFLICT(file) DO UPDATE SET offset = excluded.offset")) {
                    ps.setString(1, key);
                    ps.setLong(2, end);
                    ps.executeUpdate();
                }
                return added;
            });
        } catch (SQLException e) {
            throw new JournalException("cannot import " + source + " into the journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Just past the last complete line: a line still being written is left for the next import. */
    private static int lastNewline(byte[] all) {
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }

    private long offset(String key) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT offset FROM imported WHERE file = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Deletes what is older than the retention; returns how many entries went. */
    public synchronized int prune() {
        try (PreparedStatement ps = db.prepareStatement("DELETE FROM entry WHERE at_ms < ?")) {
            ps.setLong(1, clock.instant().minus(settings.retention()).toEpochMilli());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new JournalException("cannot prune the journal " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run() throws SQLException, IOException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            db.rollback();
            if (e instanceof SQLException s) {
                throw s;
            }
            if (e instanceof IOException io) {
                throw new SQLException("cannot read: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void setOrNull(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close the journal " + file + ": " + e.getMessage(), e);
        }
    }
}
