/** The HA managers hadeck drives (Patroni today) behind one interface. */
package io.hadeck.actions.ha;
