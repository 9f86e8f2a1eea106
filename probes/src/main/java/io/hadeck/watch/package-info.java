/** The cluster watcher: readers on their poll intervals publishing snapshots. */
package io.hadeck.watch;
