package io.hadeck.probe.etcd;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.model.EtcdCluster;
import io.hadeck.model.EtcdMemberStatus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: what etcd answered (member list, one status per endpoint, alarms) → the model, with
 * member IDs as unsigned hex (they overflow a signed long) and members matched to configured nodes.
 */
public final class EtcdMapping {
    private EtcdMapping() {
    }

    /** One member as the member list gives it. */
    public record MemberInfo(long id, String name, List<String> peerUrls, List<String> clientUrls) {
    }

    /** One endpoint's status answer. */
    public record EndpointStatus(String endpoint, long memberId, long leaderId, long raftTerm, long raftIndex,
                                 long dbSize, String version) {
    }

    public static String hex(long id) {
        return Long.toUnsignedString(id, 16);
    }

    /**
     * @param healthy endpoints that answered a quorum read in time
     */
    public static EtcdCluster cluster(long clusterId, List<MemberInfo> members, List<EndpointStatus> statuses,
                                      int healthy) {
        // The leader most answering members agree on; statuses of a partitioned member may be stale.
        String leader = statuses.stream().map(EndpointStatus::leaderId).filter(l -> l != 0)
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> hex(e.getKey())).orElse(null);
        return new EtcdCluster(hex(clusterId), members.stream()
                .map(m -> new EtcdCluster.Member(hex(m.id()), m.name(), m.peerUrls(), m.clientUrls())).toList(),
                leader, healthy);
    }

    public static EtcdMemberStatus member(EndpointStatus s, List<MemberInfo> members, Map<Long, List<String>> alarms) {
        String name = members.stream().filter(m -> m.id() == s.memberId()).map(MemberInfo::name).findFirst().orElse(null);
        return new EtcdMemberStatus(hex(s.memberId()), name, s.endpoint(), s.memberId() == s.leaderId(), s.raftTerm(),
                s.raftIndex(), s.dbSize(), s.version(), alarms.getOrDefault(s.memberId(), List.of()));
    }

    /** The endpoint that reads this node's member: its own etcd URL, else a member of the same name's client URL. */
    public static Optional<String> endpointOf(NodeConfig node, List<MemberInfo> members) {
        if (node.etcd() != null) {
            return Optional.of(trimSlash(node.etcd()));
        }
        return members.stream().filter(m -> m.name().equals(node.name()) && !m.clientUrls().isEmpty())
                .map(m -> trimSlash(m.clientUrls().get(0))).findFirst();
    }

    /** Configured nodes that run etcd: those with an etcd URL, or named like a member. */
    public static List<NodeConfig> etcdNodes(ClusterConfig cluster, List<MemberInfo> members) {
        return cluster.nodes().stream().filter(n -> n.etcd() != null
                || members.stream().anyMatch(m -> m.name().equals(n.name()))).toList();
    }

    public static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
