package io.hadeck.model;

import java.util.List;

/** Everything one node's DRBD text said, parsed, with the raw text kept for the detail view. */
public record DrbdStatus(String version, List<DrbdResource> resources, String rawText) {
    public DrbdStatus {
        resources = List.copyOf(resources);
    }
}
