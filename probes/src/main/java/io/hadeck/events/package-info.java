/** Events derived from consecutive snapshots, and the event log that keeps them. */
package io.hadeck.events;
