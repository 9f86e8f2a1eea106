/** The immutable model of a cluster: snapshot, node views, observations and findings. */
package io.hadeck.model;
