package io.hadeck.probe;

import io.grpc.Status;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static final Duration T = Duration.ofSeconds(3);

    @Test
    void wrappedRefusalIsConnectionRefused() {
        Exception e = new ExecutionException(new RuntimeException("io failed", new ConnectException("Connection refused")));
        assertThat(Failures.describe(e, T)).isEqualTo("connection refused");
    }

    @Test
    void timeoutsSayHowLongWeWaited() {
        assertThat(Failures.describe(new SocketTimeoutException("Read timed out"), T)).isEqualTo("timed out after 3 s");
        assertThat(Failures.describe(Status.DEADLINE_EXCEEDED.asRuntimeException(), Duration.ofMillis(500)))
                .isEqualTo("timed out after 500 ms");
        assertThat(Failures.describe(new java.util.concurrent.TimeoutException(), T)).isEqualTo("timed out after 3 s");
    }

    @Test
    void postgresAuthenticationFailureIsNamedWithoutDetails() {
        PSQLException e = new PSQLException("FATAL: password authentication failed for user \"x\"",
                PSQLState.INVALID_PASSWORD);
        assertThat(Failures.describe(e, T)).isEqualTo("authentication failed");
    }

    @Test
    void grpcUnauthenticatedIsAuthenticationFailed() {
        assertThat(Failures.describe(Status.UNAUTHENTICATED.asRuntimeException(), T)).isEqualTo("authentication failed");
    }

    @Test
    void tlsHandshakeFailuresSayWhichCertificateIsWrong() {
        // The JDK's own words, as seen against the secure lab etcd (scripts/lab, HADECK_LAB_ETCD_SECURE=1)
        assertThat(Failures.describe(new java.io.IOException("wrapped", new javax.net.ssl.SSLHandshakeException(
                "(certificate_unknown) PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException:"
                        + " unable to find valid certification path to requested target")), T))
                .isEqualTo("TLS: the server's certificate is not signed by a CA hadeck trusts");
        assertThat(Failures.describe(new javax.net.ssl.SSLHandshakeException(
                "(certificate_unknown) No subject alternative names matching IP address 127.0.13.9 found"), T))
                .isEqualTo("TLS: the server's certificate does not name this host");
        assertThat(Failures.describe(new javax.net.ssl.SSLHandshakeException("Received fatal alert: bad_certificate"), T))
                .isEqualTo(Failures.CLIENT_CERTIFICATE_REFUSED);
        assertThat(Failures.describe(new javax.net.ssl.SSLException("Received fatal alert: certificate_required"), T))
                .isEqualTo(Failures.CLIENT_CERTIFICATE_REFUSED);
    }

    @Test
    void unknownFailureGivesTheFirstLineOfTheRootCause() {
        Exception e = new IllegalStateException("outer", new RuntimeException("line one\nat some.Trace(Foo.java:1)"));
        assertThat(Failures.describe(e, T)).isEqualTo("line one");
    }

    @Test
    void aReaderBugOnAnOddAnswerSaysSoInsteadOfNamingAJavaException() {
        assertThat(Failures.describe(new NullPointerException(), T))
                .isEqualTo("unexpected answer (hadeck could not read it; details in the log)");
    }

    @Test
    void probeTurnsAnyExceptionIntoAFailedObservationWithTiming() {
        Probe<String> p = new Probe<>(T, Clock.systemUTC()) {
            @Override
            protected String fetch() throws Exception {
                throw new ExecutionException(new ConnectException("Connection refused"));
            }
        };
        var o = p.read();
        assertThat(o.isOk()).isFalse();
        assertThat(o.error()).isEqualTo("connection refused");
        assertThat(o.took().isNegative()).isFalse();
    }

    @Test
    void probeValueIsOk() {
        Probe<String> p = new Probe<>(T, Clock.systemUTC()) {
            @Override
            protected String fetch() {
                return "v";
            }
        };
        assertThat(p.read().get()).contains("v");
    }
}
