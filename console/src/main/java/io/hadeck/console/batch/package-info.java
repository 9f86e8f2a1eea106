/** Batch files and -c lines: checked as a whole first, then run line by line. */
package io.hadeck.console.batch;
