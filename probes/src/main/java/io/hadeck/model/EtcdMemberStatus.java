package io.hadeck.model;

import java.util.List;

/**
 * One etcd member as its own endpoint reports it.
 *
 * @param id member ID as an unsigned 64-bit hex string (IDs overflow a signed long)
 */
public record EtcdMemberStatus(String id, String name, String endpoint, boolean leader, long raftTerm,
                               long raftIndex, long dbSizeBytes, String version, List<String> alarms) {
    public EtcdMemberStatus {
        alarms = List.copyOf(alarms);
    }
}
