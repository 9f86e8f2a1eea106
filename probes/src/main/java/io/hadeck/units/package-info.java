/** The one home of sizes and durations: parsed and formatted one way. */
package io.hadeck.units;
