package io.hadeck.config.load;

import java.util.regex.Pattern;

/**
 * What a name, host or login may look like. Each of them ends up on an ssh command line, in a
 * remote command or on a screen, so they come from small alphabets and never start with '-'
 * (which ssh and every other program would read as an option).
 */
public final class Names {
    /** Cluster, node and DRBD resource names. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");
    /** A DNS name or an IPv4 address, or an IPv6 address with or without brackets. */
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252})|\\[?[0-9A-Fa-f:.]{2,45}]?");
    /** POSIX-ish login names (useradd's rule, plus dots as some directories use). */
    static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,31}");

    private Names() {
    }

    public static boolean name(String v) {
        return NAME.matcher(v).matches();
    }

    public static boolean host(String v) {
        return HOST.matcher(v).matches() && !v.startsWith("-") && (v.indexOf(':') < 0 || v.chars().filter(c -> c == ':').count() >= 2);
    }

    public static boolean user(String v) {
        return USER.matcher(v).matches();
    }
}
