/** Writing a first configuration from a discovered cluster. */
package io.hadeck.console.init;
