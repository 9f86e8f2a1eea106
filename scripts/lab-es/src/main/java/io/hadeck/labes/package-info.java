/** A small stand-in Elasticsearch for the lab. */
package io.hadeck.labes;
