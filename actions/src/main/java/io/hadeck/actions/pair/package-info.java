/** Acting on a keepalived pair: who holds the address, and handing it over. */
package io.hadeck.actions.pair;
