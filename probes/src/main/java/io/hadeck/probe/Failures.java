package io.hadeck.probe;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.hadeck.config.ConfigException;
import org.postgresql.util.PSQLException;

import javax.net.ssl.SSLException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Turns any exception a client library throws into the few words an operator needs
 * ("connection refused", "timed out after 3 s", "authentication failed"). Walks the cause chain
 * because libraries wrap the interesting exception several layers deep.
 */
public final class Failures {

    private static final int MAX = 160;

    private Failures() {
    }

    public static String describe(Throwable e, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String known = known(t, timeout);
            if (known != null) {
                return known;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return plain(root);
    }

    public static String timedOut(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? "timed out after " + ms / 1000 + " s" : "timed out after " + ms + " ms";
    }

    private static String known(Throwable t, Duration timeout) {
        if (t instanceof ProbeException || t instanceof ConfigException) {
            return firstLine(t.getMessage());
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        if (t instanceof NullPointerException || t instanceof ClassCastException
                || t instanceof IndexOutOfBoundsException) {
            return "unexpected answer (hadeck could not read it; details in the log)";
        }
        if (t instanceof PSQLException p && p.getSQLState() != null) {
            String state = p.getSQLState();
            if (state.equals("28P01") || state.equals("28000")) {
                return "authentication failed";
            }
            if (state.equals("57014")) {
                return timedOut(timeout);
            }
            if (state.equals("57P03")) {
                return "the database system is starting up or shutting down";
            }
        }
        Status status = t instanceof StatusRuntimeException s ? s.getStatus()
                : t instanceof StatusException s ? s.getStatus() : null;
        if (status != null) {
            switch (status.getCode()) {
                case DEADLINE_EXCEEDED: return timedOut(timeout);
                case UNAUTHENTICATED: return "authentication failed";
                case PERMISSION_DENIED: return "permission denied";
                case UNAVAILABLE:
                    if (t.getCause() == null) {
                        return "unavailable" + (status.getDescription() == null ? "" : ": " + firstLine(status.getDescription()));
                    }
                    return null; // the cause says more (connection refused, …)
                default:
                    return null;
            }
        }
        if (t instanceof ConnectException) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            return m.contains("timed out") ? timedOut(timeout) : "connection refused";
        }
        if (t instanceof SocketTimeoutException || t instanceof TimeoutException
                || t.getClass().getSimpleName().equals("HttpTimeoutException")) {
            return timedOut(timeout);
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof SSLException) {
            return tls(String.valueOf(t.getMessage()));
        }
        if (t instanceof EOFException) {
            return "connection closed by the server";
        }
        if (t instanceof SocketException && String.valueOf(t.getMessage()).toLowerCase().contains("reset")) {
            return "connection reset";
        }
        if (t.getClass().getName().endsWith("AnnotatedConnectException")) { // netty's wrapper of ECONNREFUSED
            return "connection refused";
        }
        return null;
    }

    /** A server that wants a client certificate and got none, or one signed by a CA it does not trust. */
    public static final String CLIENT_CERTIFICATE_REFUSED =
            "TLS: the server refused hadeck's client certificate (none given, or not signed by a CA it trusts)";

    /** The JDK's handshake failures in an operator's words: which certificate, and what is wrong with it. */
    private static String tls(String m) {
        if (m.contains("PKIX path") || m.contains("valid certification path")) {
            return "TLS: the server's certificate is not signed by a CA hadeck trusts";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "TLS: the server's certificate does not name this host";
        }
        if (m.contains("NotAfter") || m.contains("certificate_expired") || m.contains("expired")) {
            return "TLS: a certificate has expired";
        }
        if (m.contains("bad_certificate") || m.contains("certificate_required") || m.contains("unknown_ca")) {
            return CLIENT_CERTIFICATE_REFUSED;
        }
        return "TLS failed: " + firstLine(m);
    }

    private static String plain(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return firstLine(m);
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "unknown error";
        }
        String line = m.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX ? line.substring(0, MAX - 1) + "…" : line;
    }
}
