/** Running the operator's hook programs on events. */
package io.hadeck.hooks;
