package io.hadeck.model;

/**
 * What a standby's PostgreSQL log last said about streaming from its primary: the WAL receiver's (or
 * the startup process's) complaint, read over ssh where the config names the log.
 *
 * @param cause            what the line means, null when the log holds no such line (or was not readable)
 * @param line             the line as logged (one line, control characters as the log has them), null if none
 * @param loggedAt         the line's own time stamp as written (log_line_prefix %m/%t), null if it has none
 * @param primaryTimeline  TIMELINE_BEHIND: the highest timeline the primary has
 * @param recoveryTimeline TIMELINE_BEHIND: the timeline the standby's recovery follows
 * @param unreadable       why the log could not be read, null when it was
 */
public record ReceiverLog(Cause cause, String line, String loggedAt, Integer primaryTimeline, Integer recoveryTimeline,
                          String unreadable) {

    public static ReceiverLog unreadable(String why) {
        return new ReceiverLog(null, null, null, null, null, io.hadeck.text.Redactor.redact(why));
    }

    public static ReceiverLog nothingSaid() {
        return new ReceiverLog(null, null, null, null, null, null);
    }

    /** Why a standby cannot stream, as its log says it, and what fixes it. */
    public enum Cause {
        /** "highest timeline 4 of the primary is behind recovery timeline 5": it follows a timeline the primary never had. */
        TIMELINE_BEHIND("its recovery follows a timeline the primary does not have", Fix.REJOIN),
        /** "requested timeline 5 is not a child of this server's history", "… forked off … before current recovery point". */
        HISTORY_FORKED("its history forked from the primary's", Fix.REJOIN),
        /** "requested WAL segment … has already been removed": the primary no longer has the WAL it needs. */
        WAL_REMOVED("the primary has already removed the WAL it needs", Fix.REJOIN_AND_SLOT),
        /** 'replication slot "node_2" does not exist'. */
        SLOT_MISSING("its replication slot does not exist on the primary", Fix.SLOT),
        /** "password authentication failed for user …". */
        AUTHENTICATION_FAILED("the primary refused its replication login (authentication failed)", Fix.CREDENTIALS),
        /** "no pg_hba.conf entry for replication connection …". */
        NO_PG_HBA("the primary's pg_hba.conf has no line for its replication connection", Fix.PG_HBA),
        /** "could not connect to the primary server", connection refused, timed out, no route. */
        CANNOT_CONNECT("it cannot connect to the primary", Fix.NETWORK);

        public final String meaning;
        public final Fix fix;

        Cause(String meaning, Fix fix) {
            this.meaning = meaning;
            this.fix = fix;
        }
    }

    /** The kind of repair a cause implies; the findings phrase it with the node and manager names. */
    public enum Fix { REJOIN, REJOIN_AND_SLOT, SLOT, CREDENTIALS, PG_HBA, NETWORK }
}
