/** The Elasticsearch reader and its mapping to the model. */
package io.hadeck.probe.es;
