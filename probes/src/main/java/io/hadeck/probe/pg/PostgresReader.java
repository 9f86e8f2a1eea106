package io.hadeck.probe.pg;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Secret;
import io.hadeck.model.PgInstance;
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
 * Keeps one connection per node between reads (a SCRAM login per 1 s poll costs more than the
 * queries; see the report's figures) and drops it on any error, so the next read reconnects.
 */
public class PostgresReader extends Probe<PgInstance> implements AutoCloseable {

    private final String url;
    private final Properties props;
    private final boolean keepConnection;
    private final Secret password;
    private volatile Connection connection;

    public PostgresReader(ClusterConfig cluster, NodeConfig node, boolean keepConnection, Clock clock) {
        super(cluster.timeouts().read(), clock);
        this.url = "jdbc:postgresql://" + node.postgres() + "/" + database(cluster);
        this.props = properties(cluster);
        this.keepConnection = keepConnection;
        this.password = cluster.postgres() == null ? null : cluster.postgres().password();
    }

    private static String database(ClusterConfig c) {
        return c.postgres() != null && c.postgres().database() != null ? c.postgres().database() : "postgres";
    }

    private Properties properties(ClusterConfig cluster) {
        ClusterConfig.Postgres pg = cluster.postgres();
        Properties p = new Properties();
        p.setProperty("user", pg != null && pg.user() != null ? pg.user() : "postgres");
        p.setProperty("connectTimeout", seconds(cluster.timeouts().connect()));
        p.setProperty("loginTimeout", seconds(cluster.timeouts().connect()));
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
    protected synchronized PgInstance fetch() throws SQLException {
        Connection c = connection();
        try {
            PgRows rows = new PgRows(rows(c, PgQueries.STATUS).get(0), rows(c, PgQueries.REPLICATION),
                    rows(c, PgQueries.WAL_RECEIVER), rows(c, PgQueries.SLOTS));
            return PgMapping.instance(rows);
        } catch (SQLException | RuntimeException e) {
            dropConnection();
            throw e;
        } finally {
            if (!keepConnection) {
                dropConnection();
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties withSecret = new Properties();
            withSecret.putAll(props);
            // Read the secret at each login so a rotated password file is picked up; never logged.
            if (password != null) {
                withSecret.setProperty("password", password.reveal());
            }
            connection = DriverManager.getConnection(url, withSecret);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private static List<Map<String, String>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
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
    }

    /** Not synchronized: close() from another thread must not wait for a read stuck on a hung server. */
    private void dropConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken: nothing to tell anyone
            }
        }
    }

    @Override
    public void close() {
        dropConnection();
    }
}
