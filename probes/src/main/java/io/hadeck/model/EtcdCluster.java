package io.hadeck.model;

import java.util.List;

/** The etcd cluster as a whole: its member list, who leads, and how many answered healthy. */
public record EtcdCluster(String clusterId, List<Member> members, String leaderId, int healthy) {

    public EtcdCluster {
        members = List.copyOf(members);
    }

    public int total() {
        return members.size();
    }

    /** Raft needs a strict majority of the configured members. */
    public boolean hasQuorum() {
        return healthy > total() / 2;
    }

    public record Member(String id, String name, List<String> peerUrls, List<String> clientUrls) {
        public Member {
            peerUrls = List.copyOf(peerUrls);
            clientUrls = List.copyOf(clientUrls);
        }
    }
}
