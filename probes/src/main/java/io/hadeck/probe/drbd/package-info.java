/** The DRBD reader, over ssh. */
package io.hadeck.probe.drbd;
