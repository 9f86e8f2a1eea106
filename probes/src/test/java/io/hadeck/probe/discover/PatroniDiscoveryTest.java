package io.hadeck.probe.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.etcd.EtcdGateway.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `hadeck init`'s reading of what Patroni 3.0.2 wrote in the lab (recorded), and of its REST answers. */
class PatroniDiscoveryTest {

    private static final List<String> ETCD = List.of("http://127.0.14.2:2379", "http://127.0.14.3:2379", "http://127.0.14.4:2379");

    private static KeyValue key(String k, String v) {
        return new KeyValue(k, v, 1, 0);
    }

    @Test
    void theMemberKeysGiveEachMembersRestAndPostgresAddressAndItsEtcd() {
        List<FoundCluster> found = PatroniDiscovery.fromKeys(List.of(
                key("/service/lab/config", "{\"ttl\":10}"),
                key("/service/lab/leader", "node-1"),
                key("/service/lab/members/node-1", "{\"conn_url\":\"postgres://127.0.14.2:5432/postgres\",\"api_url\":\"http://127.0.14.2:8008/patroni\",\"state\":\"running\",\"role\":\"master\",\"version\":\"3.0.2\",\"xlog_location\":67108960,\"timeline\":1}"),
                key("/service/lab/members/node-2", "{\"conn_url\":\"postgres://127.0.14.3:5432/postgres\",\"api_url\":\"http://127.0.14.3:8008/patroni\",\"state\":\"running\",\"role\":\"replica\"}"),
                key("/db/other/members/pg-a", "{\"conn_url\":\"postgres://10.0.0.5:6432/postgres\",\"api_url\":\"https://10.0.0.5:8009/patroni\"}"),
                key("/unrelated/members/x", "not json")), ETCD);
        assertThat(found).hasSize(2);
        FoundCluster lab = found.get(0);
        assertThat(lab.scope()).isEqualTo("lab");
        assertThat(lab.namespace()).isEqualTo("/service/");
        assertThat(lab.members()).containsExactly(
                new FoundCluster.Member("node-1", "127.0.14.2", "127.0.14.2:5432", "http://127.0.14.2:8008", "http://127.0.14.2:2379"),
                new FoundCluster.Member("node-2", "127.0.14.3", "127.0.14.3:5432", "http://127.0.14.3:8008", "http://127.0.14.3:2379"));
        FoundCluster other = found.get(1);
        assertThat(other.namespace()).isEqualTo("/db/");
        assertThat(other.members().get(0)).isEqualTo(
                new FoundCluster.Member("pg-a", "10.0.0.5", "10.0.0.5:6432", "https://10.0.0.5:8009", null));
    }

    @Test
    void oneMembersRestApiGivesTheClusterAndPatroniNamesTheScope() throws Exception {
        ObjectMapper json = new ObjectMapper();
        FoundCluster c = PatroniDiscovery.fromRest(json.readTree("{\"members\": [{\"name\": \"node-1\", \"role\": \"leader\", \"state\": \"running\", \"api_url\": \"http://127.0.14.2:8008/patroni\", \"host\": \"127.0.14.2\", \"port\": 5432, \"timeline\": 1}, {\"name\": \"node-2\", \"role\": \"replica\", \"state\": \"running\", \"api_url\": \"http://127.0.14.3:8008/patroni\", \"host\": \"127.0.14.3\", \"port\": 5432, \"timeline\": 1, \"lag\": 0}]}"),
                json.readTree("{\"state\": \"running\", \"role\": \"master\", \"patroni\": {\"version\": \"3.0.2\", \"scope\": \"lab\"}}"),
                "/service/");
        assertThat(c.scope()).isEqualTo("lab");
        assertThat(c.etcdEndpoints()).isEmpty();
        assertThat(c.members()).extracting(FoundCluster.Member::postgres).containsExactly("127.0.14.2:5432", "127.0.14.3:5432");
        assertThatThrownBy(() -> PatroniDiscovery.fromRest(json.readTree("{\"status\": \"green\"}"), null, "/service/"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("is this a Patroni REST API?");
    }

    @Test
    void aPatroniYamlSaysWhereEverythingIsButItsPasswordsAreNotRead() {
        PatroniYaml y = PatroniYaml.parse("""
                scope: lab
                namespace: /service/
                name: node-3
                restapi:
                  listen: 127.0.14.4:8008
                  connect_address: 127.0.14.4:8008
                  authentication:
                    username: hadeck
                    password: "s3cret-api"
                etcd3:
                  hosts: [127.0.14.2:2379, 127.0.14.3:2379, 127.0.14.4:2379]
                postgresql:
                  connect_address: 127.0.14.4:5432
                  authentication:
                    superuser: {username: postgres, password: "s3cret-su"}
                """);
        assertThat(y.scope()).isEqualTo("lab");
        assertThat(y.member()).isEqualTo(new FoundCluster.Member("node-3", "127.0.14.4", "127.0.14.4:5432",
                "http://127.0.14.4:8008", null));
        assertThat(y.etcdEndpoints()).containsExactly("http://127.0.14.2:2379", "http://127.0.14.3:2379", "http://127.0.14.4:2379");
        assertThat(y.restUser()).isEqualTo("hadeck");
        assertThat(y.toString()).doesNotContain("s3cret");
        assertThat(PatroniYaml.parse("scope: x\nnamespace: db\netcd:\n  host: 10.0.0.1:2379\n  protocol: https\n").etcdEndpoints())
                .containsExactly("https://10.0.0.1:2379");
        assertThatThrownBy(() -> PatroniYaml.parse("- a list\n")).hasMessageContaining("not a Patroni configuration");
    }
}
