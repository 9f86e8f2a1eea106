/** Finding a cluster from one address: Patroni and its YAML. */
package io.hadeck.probe.discover;
