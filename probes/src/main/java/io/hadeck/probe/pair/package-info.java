/** The keepalived pair reader, over ssh. */
package io.hadeck.probe.pair;
