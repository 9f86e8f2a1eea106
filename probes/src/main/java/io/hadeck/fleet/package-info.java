/** Many clusters at once: one row per cluster. */
package io.hadeck.fleet;
