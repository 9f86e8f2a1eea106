package io.hadeck.probe.pg;

import io.hadeck.probe.ProbeException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL connections of one cluster's readers, at most {@link #PER_SERVER} per server.
 * A monitoring tool must never be the thing that uses up a server's max_connections: when several
 * configured nodes name the same server (a fleet config, aliases, a pgbouncer in front), their
 * readers take turns on a few kept connections instead of opening one each. A reader with a server
 * of its own keeps one connection, as before.
 */
public final class PgConnections implements AutoCloseable {

    /**
     * Connections to one server at the same time. A read takes ~2 ms on a kept connection while a
     * SCRAM login costs tens of ms of CPU: in the 300-node fleet benchmark (85 nodes per server)
     * 2 answered all nodes in 300–480 ms, 4 in 450–730 ms and 8 missed the deadline.
     */
    public static final int PER_SERVER = 2;

    private final boolean keep;
    private final Map<String, Server> servers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param keep keep connections between reads (a SCRAM login per poll costs more than the queries) */
    public PgConnections(boolean keep) {
        this.keep = keep;
    }

    /** One borrowed connection; {@link #release} gives it back (or drops it after an error). */
    public final class Lease {
        private final Server server;
        private final Connection connection;

        private Lease(Server server, Connection connection) {
            this.server = server;
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        /** @param healthy false after any error: the connection is closed, the next read logs in again */
        public void release(boolean healthy) {
            server.giveBack(connection, healthy && keep && !closed);
        }
    }

    /**
     * A connection to {@code url} as {@code props}' user, waiting at most {@code wait} for a turn.
     * {@code login} supplies the full properties (with the secret) only when a new login is needed.
     */
    public Lease borrow(String url, Properties props, java.util.function.Supplier<Properties> login, Duration wait)
            throws SQLException, InterruptedException {
        if (closed) {
            throw new ProbeException("closed");
        }
        Server s = servers.computeIfAbsent(url + "|" + props.getProperty("user"), k -> new Server());
        if (!s.turns.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS)) {
            throw new ProbeException("no free connection to " + url.replaceFirst("^jdbc:postgresql://", "")
                    + " within " + wait.toMillis() + " ms (hadeck uses at most " + PER_SERVER + " per server)");
        }
        try {
            Connection c = s.takeIdle();
            if (c == null) {
                c = DriverManager.getConnection(url, login.get());
                c.setAutoCommit(true);
                s.lent(c);
            }
            return new Lease(s, c);
        } catch (SQLException | RuntimeException e) {
            s.turns.release();
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        servers.values().forEach(Server::closeAll);
    }

    /** One server's turns and its idle kept connections. */
    private static final class Server {
        final Semaphore turns = new Semaphore(PER_SERVER);
        private final Deque<Connection> idle = new ArrayDeque<>();
        private final Set<Connection> inUse = new HashSet<>();

        synchronized Connection takeIdle() throws SQLException {
            while (!idle.isEmpty()) {
                Connection c = idle.pop();
                if (!c.isClosed()) {
                    inUse.add(c);
                    return c;
                }
            }
            return null;
        }

        synchronized void lent(Connection c) {
            inUse.add(c);
        }

        void giveBack(Connection c, boolean keepIt) {
            try {
                synchronized (this) {
                    inUse.remove(c);
                    if (keepIt) {
                        idle.push(c);
                        return;
                    }
                }
                closeQuietly(c);
            } finally {
                turns.release();
            }
        }

        /** Also the connections of reads still running: closing their socket ends a read stuck on a hung server. */
        void closeAll() {
            List<Connection> all;
            synchronized (this) {
                all = new ArrayList<>(idle);
                all.addAll(inUse);
                idle.clear();
                inUse.clear();
            }
            all.forEach(Server::closeQuietly);
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // broken already: nothing to tell anyone
            }
        }
    }
}
