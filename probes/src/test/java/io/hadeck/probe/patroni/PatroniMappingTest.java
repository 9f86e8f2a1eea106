package io.hadeck.probe.patroni;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hadeck.model.HaMember;
import io.hadeck.model.Failover;
import io.hadeck.model.HaState;
import io.hadeck.model.LeaderKey;
import io.hadeck.probe.Recorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Recorded from the lab's Patroni 3.0.2: GET /cluster and `etcdctl get --prefix /service/lab/ -w json`. */
class PatroniMappingTest {

    static List<PatroniMapping.Key> keys() {
        List<PatroniMapping.Key> out = new ArrayList<>();
        for (JsonNode kv : Recorded.json("etcd-patroni-keys.json").get("kvs")) {
            String key = decode(kv.get("key").asText());
            out.add(new PatroniMapping.Key(key.substring("/service/lab/".length()), decode(kv.get("value").asText()),
                    kv.get("create_revision").asLong(), kv.path("lease").asLong()));
        }
        return out;
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Test
    void restAndKeysGiveLeaderMembersAndFailoverOn() {
        HaState s = PatroniMapping.state(Recorded.json("patroni-3.0.2-cluster.json"), keys(), null);
        assertThat(s.manager()).isEqualTo("patroni");
        assertThat(s.leader().holder()).isEqualTo("node-1");
        assertThat(s.failover().enabled()).isTrue();
        assertThat(s.failover().pendingRequest()).isNull();
        assertThat(s.members()).extracting(HaMember::name).containsExactly("node-1", "node-2", "node-3");
        assertThat(s.member("node-1").orElseThrow().role()).isEqualTo("leader");
        HaMember replica = s.member("node-2").orElseThrow();
        assertThat(replica.role()).isEqualTo("replica");
        assertThat(replica.state()).isEqualTo("running");
        assertThat(replica.lagBytes()).isZero();
        assertThat(replica.timeline()).isEqualTo(1);
        assertThat(replica.failoverAllowed()).isTrue();
    }

    @Test
    void keysAloneStillNameTheLeaderAndTranslateMaster() {
        HaState s = PatroniMapping.state(null, keys(), null);
        assertThat(s.leader().holder()).isEqualTo("node-1");
        assertThat(s.leader().from()).isEqualTo(LeaderKey.From.LEADER_KEY);
        assertThat(s.member("node-1").orElseThrow().role()).isEqualTo("leader");   // Patroni 3.0.2 wrote "master"
        assertThat(s.member("node-2").orElseThrow().lagBytes()).isNull();
    }

    @Test
    void newerVocabularyPrimaryStreamingPauseAndNofailover() throws Exception {
        JsonNode rest = new ObjectMapper().readTree("""
                {"members":[{"name":"a","role":"primary","state":"running","timeline":3},
                 {"name":"b","role":"replica","state":"streaming","lag":"unknown","tags":{"nofailover":true}}],
                 "pause":true}""");
        HaState s = PatroniMapping.state(rest, null, null);
        assertThat(s.leader().holder()).isEqualTo("a");
        assertThat(s.leader().from()).as("etcd did not answer: the holder is the member that says it leads")
                .isEqualTo(LeaderKey.From.MEMBER_ROLES);
        assertThat(s.failover().enabled()).isFalse();
        assertThat(s.member("b").orElseThrow().failoverAllowed()).isFalse();
        assertThat(s.member("b").orElseThrow().state()).isEqualTo("streaming");
        assertThat(s.member("b").orElseThrow().lagBytes()).isNull();
    }

    @Test
    void leaderSinceFromHistoryWhenItNamesTheHolder() {
        var history = new PatroniMapping.Key("history",
                "[[1,67109024,\"no recovery target specified\",\"2026-11-23T18:40:01.5+00:00\",\"node-2\"]]", 5, 0);
        Instant seen = Instant.parse("2026-11-23T18:41:00Z");
        assertThat(PatroniMapping.leaderSince(history, "node-2", seen)).isEqualTo(Instant.parse("2026-11-23T18:40:01.5Z"));
        assertThat(PatroniMapping.leaderSince(history, "node-3", seen)).isEqualTo(seen);
    }
}
