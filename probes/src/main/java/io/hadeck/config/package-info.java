/** The validated, immutable configuration: clusters, nodes, secrets, TLS, ssh, hooks and journal settings. */
package io.hadeck.config;
