package io.hadeck.console.journal;

import io.hadeck.console.line.CommandException;
import io.hadeck.console.session.Session;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.HadeckConfig;
import io.hadeck.journal.AuditImport;
import io.hadeck.journal.Journal;
import io.hadeck.journal.JournalEntry;
import io.hadeck.journal.JournalException;
import io.hadeck.journal.JournalQuery;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading the journal from a command: the audit logs of every configured cluster are brought in
 * first (an action run a minute ago by a hadeck that was not watching is part of the story), then
 * the window is read. A journal that cannot be opened is a one-line error, exit 3.
 */
public final class JournalAccess {
    private JournalAccess() {
    }

    public static List<JournalEntry> read(Session session, JournalQuery query) {
        try {
            Journal journal = session.connection().journal();
            importAudits(journal, session.settings().config());
            return journal.query(query);
        } catch (JournalException e) {
            throw CommandException.unreachable(e.getMessage());
        }
    }

    static void importAudits(Journal journal, HadeckConfig config) {
        Set<Path> files = new LinkedHashSet<>();
        config.clusters().stream().map(ClusterConfig::audit).forEach(a -> files.add(a.path()));
        files.forEach(f -> AuditImport.into(journal, f));
    }

    /** --cluster: a name of the configuration, {@code all}, or (when left out) the session's cluster. */
    public static String cluster(Session session, String requested) {
        if ("all".equals(requested)) {
            return null;
        }
        if (requested == null) {
            return session.settings().cluster().name();
        }
        return session.settings().config().cluster(requested).map(ClusterConfig::name)
                .orElseThrow(() -> CommandException.usage("no cluster named '" + requested + "' in "
                        + session.settings().config().source() + " (or use --cluster all)"));
    }
}
