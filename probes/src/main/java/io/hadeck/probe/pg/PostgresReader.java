package io.hadeck.probe.pg;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Secret;
import io.hadeck.model.PgInstance;
import io.hadeck.model.ReceiverLog;
import io.hadeck.probe.Probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One PostgreSQL node through JDBC, read-only, with short connect/login/socket/statement timeouts.
 * Connections come from the cluster's {@link PgConnections}: kept between reads (a SCRAM login per
 * 1 s poll costs more than the queries; see the report's figures), dropped on any error so the
 * next read logs in again, and never more than a few per server.
 */
public class PostgresReader extends Probe<PgInstance> implements AutoCloseable {

    private final String url;
    private final Properties props;
    private final Secret password;
    private final PgConnections connections;
    private final boolean ownsConnections;
    private final PgLogReader log;
    private final Explain explain;

    /** A reader with connections of its own (kept between reads or not). */
    public PostgresReader(ClusterConfig cluster, NodeConfig node, boolean keepConnection, Clock clock) {
        this(cluster, node, new PgConnections(keepConnection), true, Explain.IN_THE_READ, clock);
    }

    /**
     * When a standby that does not stream is explained from its log: within the read (a one-shot
     * command reads once and has nothing from before), or in the background, attached to a later
     * reading (the watcher reads again in a second and must not hold the role back for an ssh login).
     */
    public enum Explain { IN_THE_READ, IN_THE_BACKGROUND }

    /** A reader sharing the cluster's connections: closing it leaves them to their owner. */
    public PostgresReader(ClusterConfig cluster, NodeConfig node, PgConnections connections, Explain explain, Clock clock) {
        this(cluster, node, connections, false, explain, clock);
    }

    private PostgresReader(ClusterConfig cluster, NodeConfig node, PgConnections connections, boolean owns,
                           Explain explain, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.url = "jdbc:postgresql://" + node.postgres() + "/" + database(cluster);
        this.props = properties(cluster);
        this.password = cluster.postgres() == null ? null : cluster.postgres().password();
        this.connections = connections;
        this.ownsConnections = owns;
        this.explain = explain;
        this.log = PgLogReader.of(cluster, node, clock).orElse(null);
    }

    private static String database(ClusterConfig c) {
        return c.postgres() != null && c.postgres().database() != null ? c.postgres().database() : "postgres";
    }

    private Properties properties(ClusterConfig cluster) {
        ClusterConfig.Postgres pg = cluster.postgres();
        Properties p = new Properties();
        p.setProperty("user", pg != null && pg.user() != null ? pg.user() : "postgres");
        p.setProperty("connectTimeout", seconds(cluster.timeouts().connect()));
        // No loginTimeout: pgjdbc enforces it with a new thread per login, and thread starts are
        // what a fleet sweep cannot afford. socketTimeout bounds every wait of the login as well.
        p.setProperty("loginTimeout", "0");
        p.setProperty("socketTimeout", seconds(timeout()));
        p.setProperty("options", "-c statement_timeout=" + timeout().toMillis()
                + " -c default_transaction_read_only=on");
        p.setProperty("readOnly", "true");
        p.setProperty("ApplicationName", "hadeck");
        p.setProperty("sslmode", pg != null && pg.sslmode() != null ? pg.sslmode() : "prefer");
        if (pg != null && pg.tls() != null) {
            putIf(p, "sslrootcert", pg.tls().ca());
            putIf(p, "sslcert", pg.tls().cert());
            putIf(p, "sslkey", pg.tls().key());
        }
        return p;
    }

    private static void putIf(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static String seconds(Duration d) {
        return Long.toString(Math.max(1, (d.toMillis() + 999) / 1000));
    }

    @Override
    protected PgInstance fetch() throws SQLException, InterruptedException {
        PgInstance pg = sql();
        if (log == null) {
            return pg;
        }
        if (pg.isPrimary() || pg.isStreaming()) {
            log.forget();
            return pg;
        }
        ReceiverLog said = log.read(explain == Explain.IN_THE_READ ? budget() : Duration.ZERO);
        return said == null ? pg : pg.withReceiverLog(said);
    }

    private PgInstance sql() throws SQLException, InterruptedException {
        PgConnections.Lease lease = connections.borrow(url, props, this::login, budget());
        boolean healthy = false;
        try {
            List<List<Map<String, String>>> r = results(lease.connection(), ALL);
            PgRows rows = new PgRows(r.get(0).get(0), r.get(1), r.get(2), r.get(3));
            PgInstance pg = PgMapping.instance(rows);
            healthy = true;
            return pg;
        } finally {
            lease.release(healthy);
        }
    }

    /** Read the secret at each login so a rotated password file is picked up; never logged. */
    private Properties login() {
        Properties withSecret = new Properties();
        withSecret.putAll(props);
        if (password != null) {
            withSecret.setProperty("password", password.reveal());
        }
        return withSecret;
    }

    /** The four queries in one round trip (one Sync): a fleet sweep pays one network wait per node, not four. */
    private static final String ALL = String.join(";\n", PgQueries.STATUS.strip(), PgQueries.REPLICATION.strip(),
            PgQueries.WAL_RECEIVER.strip(), PgQueries.SLOTS.strip());

    private static List<List<Map<String, String>>> results(Connection c, String sql) throws SQLException {
        List<List<Map<String, String>>> out = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            for (boolean isRows = st.execute(sql); isRows || st.getUpdateCount() != -1; isRows = st.getMoreResults()) {
                if (isRows) {
                    try (ResultSet rs = st.getResultSet()) {
                        out.add(rows(rs));
                    }
                }
            }
        }
        if (out.size() != 4 || out.get(0).isEmpty()) {
            throw new SQLException("expected 4 results with a status row, got " + out.size());
        }
        return out;
    }

    private static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Map<String, String>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, String> row = new HashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.put(md.getColumnLabel(i), rs.getString(i));
            }
            out.add(Collections.unmodifiableMap(row));
        }
        return out;
    }

    @Override
    public void close() {
        if (ownsConnections) {
            connections.close();
        }
    }
}
