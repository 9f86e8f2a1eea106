/** The etcd readers: members, the leader key and its watch. */
package io.hadeck.probe.etcd;
