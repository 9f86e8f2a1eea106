/** Reading the YAML configuration into the config records, with every problem named by its place in the file. */
package io.hadeck.config.load;
