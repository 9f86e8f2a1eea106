/** Acting on DRBD pairs: promote, demote and the guided recovery of a pair. */
package io.hadeck.actions.drbd;
