/** Readers of a Chef backend and of Chef nodes. */
package io.hadeck.probe.chef;
