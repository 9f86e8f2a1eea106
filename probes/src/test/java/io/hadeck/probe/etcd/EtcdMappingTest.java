package io.hadeck.probe.etcd;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;
import io.hadeck.probe.Recorded;
import io.hadeck.probe.etcd.EtcdMapping.EndpointStatus;
import io.hadeck.probe.etcd.EtcdMapping.MemberInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fed by {@code etcdctl member list / endpoint status -w json} recorded from the lab's etcd 3.4:
 * the same fields jetcd hands the reader. IDs there are unsigned and overflow a signed long.
 */
class EtcdMappingTest {

    static List<MemberInfo> members() {
        List<MemberInfo> out = new ArrayList<>();
        for (JsonNode m : Recorded.json("etcd-member-list.json").get("members")) {
            out.add(new MemberInfo(Long.parseUnsignedLong(m.get("ID").asText()), m.get("name").asText(),
                    strings(m.get("peerURLs")), strings(m.get("clientURLs"))));
        }
        return out;
    }

    static List<EndpointStatus> statuses() {
        List<EndpointStatus> out = new ArrayList<>();
        for (JsonNode e : Recorded.json("etcd-endpoint-status.json")) {
            JsonNode s = e.get("Status");
            out.add(new EndpointStatus(e.get("Endpoint").asText(),
                    Long.parseUnsignedLong(s.get("header").get("member_id").asText()),
                    Long.parseUnsignedLong(s.get("leader").asText()), s.get("raftTerm").asLong(),
                    s.get("raftIndex").asLong(), s.get("dbSize").asLong(), s.get("version").asText()));
        }
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void clusterHasThreeMembersAndTheLeaderAsUnsignedHex() {
        EtcdCluster c = EtcdMapping.cluster(Long.parseUnsignedLong("12818056118595604451"), members(), statuses(), 3);
        assertThat(c.total()).isEqualTo(3);
        assertThat(c.hasQuorum()).isTrue();
        assertThat(c.leaderId()).isEqualTo("e8f70d6345a90f9d").doesNotStartWith("-");
        assertThat(c.clusterId()).isEqualTo("b1e2e2207be9cfe3");
        assertThat(c.members()).extracting(EtcdCluster.Member::name).containsExactlyInAnyOrder("node-1", "node-2", "node-3");
    }

    @Test
    void memberStatusKnowsItsNameLeadershipAndAlarms() {
        EndpointStatus node1 = statuses().get(0);
        long id = node1.memberId();
        EtcdMemberStatus s = EtcdMapping.member(node1, members(), Map.of(id, List.of("NOSPACE")));
        assertThat(s.name()).isEqualTo("node-1");
        assertThat(s.leader()).isTrue();
        assertThat(s.version()).isEqualTo("3.4.23");
        assertThat(s.raftTerm()).isEqualTo(2);
        assertThat(s.alarms()).containsExactly("NOSPACE");
        EtcdMemberStatus follower = EtcdMapping.member(statuses().get(1), members(), Map.of());
        assertThat(follower.leader()).isFalse();
        assertThat(follower.id()).isEqualTo(Long.toUnsignedString(6237430423624633272L, 16));
    }

    @Test
    void twoOfThreeHealthyKeepsQuorumOneDoesNot() {
        assertThat(EtcdMapping.cluster(1, members(), statuses(), 2).hasQuorum()).isTrue();
        assertThat(EtcdMapping.cluster(1, members(), statuses(), 1).hasQuorum()).isFalse();
    }
}
