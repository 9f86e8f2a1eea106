/** The one output layer: tables, JSON, styles, logging set-up and safe printing. */
package io.hadeck.console.output;
