package io.hadeck.findings;

import io.hadeck.model.Finding;

import java.util.List;

/** One concern's findings (PostgreSQL, etcd, DRBD, …) from one snapshot; pure. */
interface Rules {
    List<Finding> apply(Facts facts);
}
