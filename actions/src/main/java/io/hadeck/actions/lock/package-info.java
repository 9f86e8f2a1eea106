/** The action lock: one guided action at a time per cluster, in etcd or in a file. */
package io.hadeck.actions.lock;
