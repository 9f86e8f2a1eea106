package io.hadeck.model;

/** keepalived's VRRP instance states, as its notify script is told them. */
public enum VrrpState {
    MASTER, BACKUP, FAULT, STOP, UNKNOWN;

    public static VrrpState of(String s) {
        for (VrrpState v : values()) {
            if (v.name().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return v;
            }
        }
        return UNKNOWN;
    }

    /** The states in which the cluster script gives the pair up (the reverse steps). */
    public boolean releases() {
        return this == BACKUP || this == STOP || this == FAULT;
    }
}
