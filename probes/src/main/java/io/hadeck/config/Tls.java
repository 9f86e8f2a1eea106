package io.hadeck.config;

/** TLS material by path; any part may be null. */
public record Tls(String ca, String cert, String key) {
}
