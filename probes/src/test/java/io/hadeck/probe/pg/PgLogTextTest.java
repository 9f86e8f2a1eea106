package io.hadeck.probe.pg;

import io.hadeck.model.ReceiverLog;
import io.hadeck.model.ReceiverLog.Cause;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A standby's log tail → why it does not stream. Each file is a piece of a lab node's real log
 * (PostgreSQL 15.18 writing into its Patroni 3.0.2's log, interleaved with Patroni's lines).
 */
class PgLogTextTest {

    @Test
    void aStandbyStrandedOnAStrayTimelineSaysWhichTimelinesInItsFatalLine() {
        // lab fault timeline-fork node-3: node-2 promoted to timeline 2 while node-3 streamed from it
        ReceiverLog log = PgLogText.lastComplaint(Recorded.text("pg15-log-timeline-behind.txt"));
        assertThat(log.cause()).isEqualTo(Cause.TIMELINE_BEHIND);
        assertThat(log.primaryTimeline()).isEqualTo(1);
        assertThat(log.recoveryTimeline()).isEqualTo(2);
        assertThat(log.line()).isEqualTo("highest timeline 1 of the primary is behind recovery timeline 2");
        assertThat(log.loggedAt()).isEqualTo("2026-12-01 12:12:05.850 UTC");
        assertThat(log.cause().fix).isEqualTo(ReceiverLog.Fix.REJOIN);
    }

    @Test
    void aRefusedReplicationLoginIsAnAuthenticationProblemNotANetworkOne() {
        // primary_conninfo pointed at a host its .pgpass had no line for
        ReceiverLog log = PgLogText.lastComplaint(Recorded.text("pg15-log-no-password.txt"));
        assertThat(log.cause()).isEqualTo(Cause.AUTHENTICATION_FAILED);
        assertThat(log.line()).startsWith("could not connect to the primary server: connection to server at \"127.0.11.3\"")
                .endsWith("failed: fe_sendauth: no password supplied");
        assertThat(log.cause().fix).isEqualTo(ReceiverLog.Fix.CREDENTIALS);
    }

    @Test
    void aQuotedLineNeverCarriesAPasswordToTheScreen() {
        // the recorded refusal, as a server configured with a password in a URI would log it
        String tail = Recorded.text("pg15-log-connection-refused.txt")
                .replace("connection to server at \"127.0.11.3\"", "connection to server postgresql://replicator:s3cret@127.0.11.3");
        ReceiverLog log = PgLogText.lastComplaint(tail);
        assertThat(log.cause()).isEqualTo(Cause.CANNOT_CONNECT);
        assertThat(log.line()).doesNotContain("s3cret").contains("postgresql://***@127.0.11.3");
    }

    @Test
    void aPrimaryThatIsDownIsCannotConnect() {
        ReceiverLog log = PgLogText.lastComplaint(Recorded.text("pg15-log-connection-refused.txt"));
        assertThat(log.cause()).isEqualTo(Cause.CANNOT_CONNECT);
        assertThat(log.line()).endsWith("port 5432 failed: Connection refused");
        assertThat(log.cause().fix).isEqualTo(ReceiverLog.Fix.NETWORK);
    }

    @Test
    void aTimelineForkedBeforeTheRecoveryPointIsAForkedHistory() {
        ReceiverLog log = PgLogText.lastComplaint(Recorded.text("pg15-log-forked-off.txt"));
        assertThat(log.cause()).isEqualTo(Cause.HISTORY_FORKED);
        assertThat(log.line()).isEqualTo("new timeline 2 forked off current database system timeline 1 before current"
                + " recovery point 0/402DA58");
        assertThat(log.loggedAt()).isEqualTo("2026-12-01 12:06:03.537 UTC");
    }

    @Test
    void aLogWithoutComplaintsSaysNothing() {
        ReceiverLog log = PgLogText.lastComplaint("2026-12-01 12:09:26,195 INFO: no action. I am (node-3), a secondary,"
                + " and following a leader (node-1)\n");
        assertThat(log.cause()).isNull();
        assertThat(log.unreadable()).isNull();
    }
}
