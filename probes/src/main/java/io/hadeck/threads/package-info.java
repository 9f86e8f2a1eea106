/** The one thread factory: named daemon, pool and virtual threads. */
package io.hadeck.threads;
