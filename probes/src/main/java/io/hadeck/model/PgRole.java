package io.hadeck.model;

/** What PostgreSQL itself says it is (pg_is_in_recovery), independent of any HA manager. */
public enum PgRole {
    PRIMARY, STANDBY
}
