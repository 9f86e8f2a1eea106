/** ssh for readers: targets, known hosts, quoting and batched commands in one login. */
package io.hadeck.probe.ssh;
