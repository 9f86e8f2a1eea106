/** Diagnoses of a DRBD pair and of a keepalived pair's ownership, from a snapshot. */
package io.hadeck.diagnosis;
