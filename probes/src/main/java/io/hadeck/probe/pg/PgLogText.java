package io.hadeck.probe.pg;

import io.hadeck.model.ReceiverLog;
import io.hadeck.model.ReceiverLog.Cause;
import io.hadeck.text.Redactor;
import io.hadeck.text.TerminalText;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: the tail of a standby's PostgreSQL log → the last thing it said about why it cannot stream.
 * The patterns are PostgreSQL's own messages (walreceiver.c, libpqwalreceiver.c, walsender.c,
 * timeline.c, xlog.c of release 15); the most specific one wins within a line (a refused login is
 * logged inside "could not connect to the primary server").
 */
public final class PgLogText {

    private record Rule(Cause cause, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Cause.TIMELINE_BEHIND, Pattern.compile("highest timeline (\\d+) of the primary is behind recovery timeline (\\d+)")),
            new Rule(Cause.HISTORY_FORKED, Pattern.compile("is not a child of this server's history|is not in this server's history"
                    + "|forked off current database system timeline \\d+ before current recovery point")),
            new Rule(Cause.WAL_REMOVED, Pattern.compile("requested WAL segment \\S+ has already been removed")),
            new Rule(Cause.SLOT_MISSING, Pattern.compile("replication slot \"[^\"]*\" does not exist")),
            new Rule(Cause.AUTHENTICATION_FAILED, Pattern.compile("password authentication failed for user"
                    + "|authentication failed for user|password is required|no password supplied")),
            new Rule(Cause.NO_PG_HBA, Pattern.compile("no pg_hba\\.conf entry for replication connection")),
            new Rule(Cause.CANNOT_CONNECT, Pattern.compile("could not connect to the primary server")));

    /** PostgreSQL's %m / %t prefix: "2026-12-01 12:00:01.123 UTC". */
    private static final Pattern STAMP = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?: [A-Za-z]{2,5}| [+-]\\d{2}(?::?\\d{2})?)?)");
    /** The message after its severity, without the prefix: what the finding quotes. */
    private static final Pattern MESSAGE = Pattern.compile("\\b(?:FATAL|ERROR|LOG|WARNING|PANIC):\\s+(.*)$");

    private PgLogText() {
    }

    /** The last receiver complaint in {@code tail} (oldest line first), or {@link ReceiverLog#nothingSaid()}. */
    public static ReceiverLog lastComplaint(String tail) {
        List<String> lines = tail.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            for (Rule r : RULES) {
                Matcher m = r.pattern().matcher(line);
                if (m.find()) {
                    Integer primary = r.cause() == Cause.TIMELINE_BEHIND ? Integer.valueOf(m.group(1)) : null;
                    Integer recovery = r.cause() == Cause.TIMELINE_BEHIND ? Integer.valueOf(m.group(2)) : null;
                    return new ReceiverLog(r.cause(), message(line), stamp(line), primary, recovery, null);
                }
            }
        }
        return ReceiverLog.nothingSaid();
    }

    private static String message(String line) {
        Matcher m = MESSAGE.matcher(line);
        String text = m.find() ? m.group(1) : line;
        // no known cause's line holds a password, but a line quoted on screen passes the one redactor all the same
        return TerminalText.oneLine(Redactor.redact(text.strip()));
    }

    private static String stamp(String line) {
        Matcher m = STAMP.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
