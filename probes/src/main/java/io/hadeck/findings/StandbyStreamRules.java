package io.hadeck.findings;

import io.hadeck.model.Finding;
import io.hadeck.model.FindingCode;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.model.NodeView;
import io.hadeck.model.PgInstance;
import io.hadeck.model.ReceiverLog;
import io.hadeck.model.ReceiverLog.Cause;
import io.hadeck.model.Severity;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a standby follows its primary, and when it does not, why, from what can be read: its
 * timeline history against the primary's, the primary's replication slot for it, and the last
 * complaint in its own log. One finding per standby: TIMELINE_DIVERGENCE when it follows (or has
 * fetched, and cannot stream) a timeline the primary does not have, else STANDBY_NOT_STREAMING with
 * its cause and the fix that cause implies.
 */
final class StandbyStreamRules {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StandbyStreamRules() {
    }

    static Optional<Finding> of(Facts f, NodeView primary, PgInstance p, NodeView n, PgInstance s) {
        Optional<Finding> stray = strayTimeline(f, primary, p, n, s);
        if (stray.isPresent() || s.isStreaming()) {
            return stray.isPresent() ? stray : behind(primary, p, n, s);
        }
        return Optional.of(notStreaming(f, primary, p, n, s));
    }

    /**
     * The timeline past the primary's that the standby follows, and what shows it: a timeline its
     * control file or receiver names, a history file it holds while it cannot stream (it fetched the
     * history of a timeline the primary never reached, and recovery follows the newest), or its log's
     * "highest timeline N of the primary is behind recovery timeline M". Only a primary's exact
     * timeline is compared.
     */
    private static Optional<Finding> strayTimeline(Facts f, NodeView primary, PgInstance p, NodeView n, PgInstance s) {
        if (!p.timelineSource().exact()) {
            return Optional.empty();
        }
        int primaryTl = p.timeline();
        ReceiverLog log = s.receiverLog();
        boolean logSays = log != null && log.cause() == Cause.TIMELINE_BEHIND && log.recoveryTimeline() > log.primaryTimeline();
        int history = s.isStreaming() ? 0 : s.newestHistoryTimeline();
        int stray = Math.max(s.timeline(), Math.max(history, logSays ? log.recoveryTimeline() : 0));
        if (stray <= primaryTl && !(log != null && log.cause() == Cause.HISTORY_FORKED && !s.isStreaming())) {
            return Optional.empty();
        }
        StringBuilder m = new StringBuilder(n.name());
        if (stray > primaryTl) {
            m.append(" follows timeline ").append(stray).append(", which the primary ").append(primary.name())
                    .append(" (timeline ").append(primaryTl).append(") does not have");
            PgInstance.TimelineHistory h = s.newestHistory();
            if (h != null && h.timeline() == stray && h.began() != null) {
                m.append(": timeline ").append(stray).append(" began on ").append(n.name()).append(" at ")
                        .append(CLOCK.format(h.began())).append(" (its history file)");
            }
        } else {
            m.append("'s history forked from the primary ").append(primary.name()).append("'s (timeline ")
                    .append(primaryTl).append(")");
        }
        m.append(s.isStreaming() ? "; its history has diverged from the primary's." : "; it cannot stream again by itself.");
        logLine(log).ifPresent(l -> m.append(" Its log: ").append(l));
        String action = stray > primaryTl ? notTheLeader(f, primary).map(why -> "Do not rejoin " + n.name() + " yet: "
                + why + ", and " + n.name() + " is on a newer timeline (" + stray + " against " + primaryTl + "): "
                + primary.name() + " may be an old primary a failover left behind, and a rejoin would copy its older "
                + "data over timeline " + stray + ". Find the leader first (" + ManagerVerbs.of(f).list + "); if it is not "
                + primary.name() + ", fence " + primary.name() + (ManagerVerbs.of(f) != ManagerVerbs.CHEF_BACKEND
                ? " (hadeck fence " + primary.name() + ")" : "") + ".").orElse(null) : null;
        return Optional.of(new Finding(Severity.CRIT, FindingCode.TIMELINE_DIVERGENCE, List.of(n.name(), primary.name()),
                m.toString(), action != null ? action : rejoin(f, n) + ": it is copied again from " + primary.name()
                + " and what it holds of timeline " + Math.max(stray, primaryTl) + " is lost. Do not promote it before."));
    }

    /**
     * Why the primary cannot be taken for the leader, when the cluster has an HA manager: its leader
     * key names another node, or the key cannot be read (no quorum). Empty when the key names the
     * primary, or when there is no HA manager to ask.
     */
    private static Optional<String> notTheLeader(Facts f, NodeView primary) {
        if (f.snapshot.ha() == null) {
            return Optional.empty();
        }
        Optional<LeaderKey> key = f.haState().map(HaState::leader).filter(LeaderKey::fromKey);
        if (key.isEmpty()) {
            return Optional.of("the HA manager's leader key cannot be read, so nothing confirms " + primary.name() + " as the leader");
        }
        String holder = key.get().holder();
        return primary.name().equals(holder) ? Optional.empty() : Optional.of("the leader key names "
                + (holder == null ? "nobody" : holder) + ", not " + primary.name());
    }

    /** A streaming standby whose receiver is still on an older timeline than its primary: not followed yet. */
    private static Optional<Finding> behind(NodeView primary, PgInstance p, NodeView n, PgInstance s) {
        if (!p.timelineSource().exact() || !s.timelineSource().exact() || s.timeline() >= p.timeline()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Severity.WARN, FindingCode.TIMELINE_DIVERGENCE, List.of(n.name(), primary.name()),
                n.name() + " is on timeline " + s.timeline() + ", the primary " + primary.name() + " on timeline "
                        + p.timeline() + ": it has not followed the timeline switch yet.", null));
    }

    private static Finding notStreaming(Facts f, NodeView primary, PgInstance p, NodeView n, PgInstance s) {
        String status = s.walReceiver() == null ? "has no WAL receiver" : "WAL receiver is " + s.walReceiver().status();
        Optional<PgInstance.PgSlot> slot = p.slot(slotName(n, s));
        ReceiverLog log = s.receiverLog();
        Cause cause = log == null ? null : log.cause();
        StringBuilder m = new StringBuilder(n.name()).append(" is not streaming from the primary ").append(primary.name())
                .append(" (").append(status).append(")");
        String fix;
        if (slot.isPresent() && slot.get().walLost() && !slot.get().active()) {
            m.append(": its replication slot ").append(slot.get().name()).append(" on ").append(primary.name())
                    .append(" is inactive and its WAL is ").append(slot.get().walStatus())
                    .append(" (the primary no longer keeps what it needs)");
            fix = fix(f, Cause.WAL_REMOVED, primary, n, slot.get().name());
        } else if (cause != null) {
            m.append(": ").append(cause.meaning);
            fix = fix(f, cause, primary, n, slotName(n, s));
        } else {
            fix = "Look at " + n.name() + "'s PostgreSQL log (primary_conninfo, replication slot, pg_hba); " + ManagerVerbs.of(f).list
                    + " shows whether " + ManagerVerbs.of(f).who + " is restarting it.";
        }
        m.append('.');
        logLine(log).ifPresent(l -> m.append(" Its log: ").append(l));
        if (log != null && log.unreadable() != null) {
            m.append(" (its log could not be read: ").append(log.unreadable()).append(')');
        }
        return new Finding(Severity.WARN, FindingCode.STANDBY_NOT_STREAMING, List.of(n.name(), primary.name()), m.toString(), fix);
    }

    private static String fix(Facts f, Cause cause, NodeView primary, NodeView n, String slot) {
        return switch (cause.fix) {
            case REJOIN -> rejoin(f, n) + ".";
            case REJOIN_AND_SLOT -> rejoin(f, n) + "; so that " + primary.name() + " keeps its WAL next time, give it a"
                    + " replication slot (Patroni: use_slots) or a larger wal_keep_size.";
            case SLOT -> "Create its slot on " + primary.name() + ": SELECT pg_create_physical_replication_slot('" + slot
                    + "'); (Patroni with use_slots creates it by itself within a loop).";
            case CREDENTIALS -> "Check the replication user's password " + n.name() + " logs in with (primary_conninfo,"
                    + " its .pgpass; Patroni: postgresql.authentication.replication) against " + primary.name() + "'s role.";
            case PG_HBA -> "Allow it in " + primary.name() + "'s pg_hba.conf (host replication USER " + n.name()
                    + "'s address scram-sha-256) and reload it (hadeck reload " + primary.name() + ").";
            case NETWORK -> "Check that " + n.name() + " reaches " + primary.name() + "'s PostgreSQL port (primary_conninfo's"
                    + " host and port, listen_addresses, firewall).";
        };
    }

    private static String rejoin(Facts f, NodeView n) {
        return ManagerVerbs.of(f) != ManagerVerbs.CHEF_BACKEND ? "Rejoin it: hadeck rejoin " + n.name() + " (key J on " + n.name() + ")"
                : "Rejoin it (" + ManagerVerbs.of(f).rejoin + ")";
    }

    /** The slot it streams through: its receiver's, else the name Patroni gives a member's slot. */
    static String slotName(NodeView n, PgInstance s) {
        if (s.walReceiver() != null && s.walReceiver().slotName() != null && !s.walReceiver().slotName().isEmpty()) {
            return s.walReceiver().slotName();
        }
        return n.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    private static Optional<String> logLine(ReceiverLog log) {
        if (log == null || log.line() == null) {
            return Optional.empty();
        }
        return Optional.of((log.loggedAt() == null ? "" : log.loggedAt() + " ") + "\"" + log.line() + "\"");
    }
}
