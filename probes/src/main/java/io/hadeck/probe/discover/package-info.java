/** Finding a cluster from one address: Patroni and its YAML, a DRBD pair and the keepalived in front of it. */
package io.hadeck.probe.discover;
