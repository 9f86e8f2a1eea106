package io.hadeck.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.testkit.Lab;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.hadeck.lab.LabPg.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The lab is a real cluster: Patroni, PostgreSQL streaming replication and etcd, all answering. */
class LabIsRealIT {

    @BeforeAll
    static void healthy() {
        Lab.awaitHealthy(Duration.ofMinutes(3));
    }

    @Test
    void patroniReportsOneLeaderAndTwoStreamingReplicas() throws Exception {
        JsonNode members = cluster().path("members");
        List<String> leaders = new ArrayList<>();
        List<String> replicas = new ArrayList<>();
        for (JsonNode m : members) {
            String role = m.path("role").asText();
            String state = m.path("state").asText();
            if (isLeaderRole(role)) {
                leaders.add(m.path("name").asText());
            } else if (role.equals("replica") && (state.equals("running") || state.equals("streaming"))) {
                replicas.add(m.path("name").asText());
            }
        }
        assertThat(leaders).hasSize(1);
        assertThat(replicas).hasSize(2).doesNotContain(leaders.get(0));
        // PostgreSQL agrees with Patroni: the leader streams to both replicas.
        assertThat(query(leaders.get(0), "select count(*) from pg_stat_replication where state = 'streaming'"))
                .isEqualTo("2");
        for (String r : replicas) {
            assertThat(query(r, "select pg_is_in_recovery()")).isEqualTo("t");
        }
    }

    @Test
    void aRowWrittenOnThePrimaryIsReadOnBothReplicas() throws Exception {
        String primary = leader().orElseThrow();
        String id = UUID.randomUUID().toString();
        execute(primary, "create table if not exists lab_is_real(id text primary key, at timestamptz default now())");
        execute(primary, "insert into lab_is_real(id) values ('" + id + "')");
        for (String r : replicas()) {
            awaitTrue(Duration.ofSeconds(15), "row on " + r,
                    () -> {
                        try {
                            return "1".equals(query(r, "select count(*) from lab_is_real where id = '" + id + "'"));
                        } catch (Exception e) {
                            return false;
                        }
                    });
        }
    }

    @Test
    void etcdReportsThreeHealthyMembers() {
        assertThat(healthyEtcdMembers()).isEqualTo(3);
        JsonNode list = json(http("POST", etcd("node-1") + "/v3/cluster/member/list", "{}", null).body());
        assertThat(list.path("members")).hasSize(3);
        List<String> names = new ArrayList<>();
        list.path("members").forEach(m -> names.add(m.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    }

    @Test
    void patroniRestApiRequiresTheLabCredentialsForChanges() {
        String url = patroni("node-1") + "/config";
        assertThat(http("PATCH", url, "{}", null).statusCode()).isEqualTo(401);
        assertThat(http("PATCH", url, "{}", "hadeck:wrong").statusCode()).isEqualTo(401);
        String ok = "hadeck:" + Lab.secret("patroni-api.password");
        assertThat(http("PATCH", url, "{}", ok).statusCode()).isNotEqualTo(401);
    }

    @Test
    void monitoringRoleLogsInWithScramAndIsInPgMonitor() throws Exception {
        for (String n : NODES) {
            try (Connection c = connect(n, "hadeck_monitor", Lab.secret("pg-monitor.password"), 3);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pg_has_role('pg_monitor', 'member'), "
                         + "(select rolsuper from pg_roles where rolname = current_user)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("member of pg_monitor on %s", n).isTrue();
                assertThat(rs.getBoolean(2)).as("superuser on %s", n).isFalse();
            }
        }
        assertThat(Lab.tryRun(Duration.ofSeconds(10), "psql", "node-1", "-Atc",
                "select 1 from pg_authid where rolname = 'hadeck_monitor' and rolpassword like 'SCRAM-SHA-256$%'")
                .stdout().strip()).isEqualTo("1");
    }

    @Test
    void loadWritesOnThePrimaryAndTheConfigIsWritten() throws Exception {
        Lab.run("load", "2");
        assertThat(Lab.run("psql", leader().orElseThrow(), "-Atc", "select count(*) > 0 from pgbench_history").strip())
                .isEqualTo("t");
        assertThat(java.nio.file.Files.readString(Lab.configPath()))
                .contains("patroni: http://" + Lab.host("node-1") + ":8008", "{file: " + Lab.dir().toAbsolutePath());
        assertThat(Lab.run("env")).contains("LAB_DIR=", "LAB_NET=" + Lab.net());
    }
}
