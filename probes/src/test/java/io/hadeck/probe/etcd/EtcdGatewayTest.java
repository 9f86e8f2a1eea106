package io.hadeck.probe.etcd;

import com.sun.net.httpserver.HttpServer;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.Secret;
import io.hadeck.probe.ProbeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * etcd's JSON gateway answers, recorded from the lab's etcd 3.4.23 ({@code curl -X POST
 * http://127.0.0.2:2379/v3/...}), replayed by a local HTTP server: 64-bit IDs as strings (one above
 * Long.MAX_VALUE), zero values left out, keys and values in base64; and the token dance of an etcd
 * with authentication on, which the lab does not run.
 */
class EtcdGatewayTest {

    static final String STATUS = """
            {"header":{"cluster_id":"15031971846378482487","member_id":"8183429367669520039","revision":"193",\
            "raft_term":"2"},"version":"3.4.23","dbSize":"65536","leader":"8054459617774897266","raftIndex":"211",\
            "raftTerm":"2","raftAppliedIndex":"211","dbSizeInUse":"57344"}""";
    static final String MEMBERS = """
            {"header":{"cluster_id":"15031971846378482487","member_id":"8183429367669520039","raft_term":"2"},\
            "members":[{"ID":"8054459617774897266","name":"node-2","peerURLs":["http://127.0.0.3:2380"],\
            "clientURLs":["http://127.0.0.3:2379"]},{"ID":"8183429367669520039","name":"node-1","peerURLs":\
            ["http://127.0.0.2:2380"],"clientURLs":["http://127.0.0.2:2379"]},{"ID":"16910047115058062952",\
            "name":"node-3","peerURLs":["http://127.0.0.4:2380"],"clientURLs":["http://127.0.0.4:2379"]}]}""";
    /** {@code /service/lab/leader} = "node-1", leased; the one key of the prefix for brevity. */
    static final String RANGE = """
            {"header":{"cluster_id":"15031971846378482487","member_id":"8054459617774897266","revision":"193",\
            "raft_term":"2"},"kvs":[{"key":"L3NlcnZpY2UvbGFiL2xlYWRlcg==","create_revision":"180",\
            "mod_revision":"192","version":"7","value":"bm9kZS0x","lease":"7587892361347449861"}],"count":"1"}""";
    static final String NO_ALARMS = "{}";
    static final String INVALID_TOKEN = "{\"error\":\"etcdserver: invalid auth token\",\"code\":16,"
            + "\"message\":\"etcdserver: invalid auth token\"}";

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> tokensSent = new CopyOnWriteArrayList<>();
    private volatile int rejectTokensLeft;

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(path + " " + body);
            String token = ex.getRequestHeaders().getFirst("Authorization");
            if (token != null) {
                tokensSent.add(token);
            }
            int status = 200;
            String answer = answers.getOrDefault(path, "{}");
            if (path.equals("/v3/auth/authenticate")) {
                answer = "{\"header\":{},\"token\":\"tok" + seen.size() + "\"}";
            } else if (rejectTokensLeft > 0 && token != null) {
                rejectTokensLeft--;
                status = 401;
                answer = INVALID_TOKEN;
            }
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static EtcdGateway gateway(ClusterConfig.Etcd etcd, String url) {
        return new EtcdGateway(etcd, List.of(url), Duration.ofSeconds(2));
    }

    @Test
    void aMembersStatusNamesTheLeaderAndTheClusterAsEtcdctlWould() throws Exception {
        String url = start();
        answers.put("/v3/maintenance/status", STATUS);
        EtcdGateway.Status s = gateway(null, url).status(url, Duration.ofSeconds(2));
        assertThat(s.clusterId()).isEqualTo(Long.parseUnsignedLong("15031971846378482487"));
        assertThat(s.endpoint().memberId()).isEqualTo(8183429367669520039L);
        assertThat(s.endpoint().leaderId()).isEqualTo(8054459617774897266L);
        assertThat(s.endpoint().raftIndex()).isEqualTo(211);
        assertThat(s.endpoint().dbSize()).isEqualTo(65536);
        assertThat(s.endpoint().version()).isEqualTo("3.4.23");
    }

    @Test
    void memberIdsAboveASignedLongAreReadUnsigned() throws Exception {
        String url = start();
        answers.put("/v3/cluster/member/list", MEMBERS);
        List<EtcdMapping.MemberInfo> members = gateway(null, url).members(url, Duration.ofSeconds(2));
        assertThat(members).extracting(EtcdMapping.MemberInfo::name).containsExactly("node-2", "node-1", "node-3");
        assertThat(EtcdMapping.hex(members.get(2).id())).isEqualTo("eaac8e420427a668");
        assertThat(members.get(0).clientUrls()).containsExactly("http://127.0.0.3:2379");
    }

    @Test
    void aMemberWithoutALeaderSaysSoByLeavingTheFieldOut() throws Exception {
        String url = start();
        answers.put("/v3/maintenance/status", STATUS.replace("\"leader\":\"8054459617774897266\",", ""));
        assertThat(gateway(null, url).status(url, Duration.ofSeconds(2)).endpoint().leaderId()).isZero();
    }

    @Test
    void aPrefixReadGivesKeysAndValuesDecodedWithTheirLease() throws Exception {
        String url = start();
        answers.put("/v3/kv/range", RANGE);
        List<EtcdGateway.KeyValue> kvs = gateway(null, url).prefix(url, "/service/lab/", false, Duration.ofSeconds(2));
        assertThat(kvs).containsExactly(new EtcdGateway.KeyValue("/service/lab/leader", "node-1", 180, 7587892361347449861L));
        // the range asked is [/service/lab/, /service/lab0): every key under the prefix and nothing else
        assertThat(seen.get(0)).contains("\"key\":\"L3NlcnZpY2UvbGFiLw==\"").contains("\"range_end\":\"L3NlcnZpY2UvbGFiMA==\"");
    }

    @Test
    void noAlarmsIsAnEmptyAnswer() throws Exception {
        String url = start();
        answers.put("/v3/maintenance/alarm", NO_ALARMS);
        assertThat(gateway(null, url).alarms(url, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void withCredentialsATokenIsAskedOnceAndAgainWhenEtcdNoLongerTakesIt(@TempDir Path dir) throws Exception {
        String url = start();
        answers.put("/v3/maintenance/status", STATUS);
        Path pw = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        EtcdGateway g = gateway(new ClusterConfig.Etcd(List.of(url), "root", Secret.file(pw.toString()), null), url);
        g.status(url, Duration.ofSeconds(2));
        g.status(url, Duration.ofSeconds(2));
        assertThat(seen.stream().filter(s -> s.startsWith("/v3/auth/authenticate")).count()).isEqualTo(1);
        assertThat(seen.get(0)).contains("\"name\":\"root\"");
        rejectTokensLeft = 1;   // the member restarted: its simple tokens are gone
        g.status(url, Duration.ofSeconds(2));
        assertThat(seen.stream().filter(s -> s.startsWith("/v3/auth/authenticate")).count()).isEqualTo(2);
        assertThat(tokensSent).allMatch(t -> t.startsWith("tok"));
    }

    @Test
    void etcdsOwnWordsForARefusalReachTheOperator() throws Exception {
        String url = start();
        server.removeContext("/");
        server.createContext("/", ex -> {
            byte[] b = "{\"error\":\"etcdserver: request timed out\",\"code\":14,\"message\":\"etcdserver: request timed out\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        assertThatThrownBy(() -> gateway(null, url).quorumRead(url, Duration.ofSeconds(2)))
                .isInstanceOf(ProbeException.class).hasMessage("etcd: etcdserver: request timed out");
    }

    @Test
    void theRangeEndOfAPrefixIsItsLastByteRaised() {
        assertThat(EtcdGateway.rangeEnd("a/".getBytes(StandardCharsets.UTF_8))).isEqualTo("a0".getBytes(StandardCharsets.UTF_8));
        assertThat(EtcdGateway.rangeEnd(new byte[] {'a', (byte) 0xff})).isEqualTo(new byte[] {'b'});
        assertThat(EtcdGateway.rangeEnd(new byte[] {(byte) 0xff})).isEqualTo(new byte[] {0});
    }
}
