/** The doctor's checks of a machine and a configuration before hadeck is used. */
package io.hadeck.console.doctor;
