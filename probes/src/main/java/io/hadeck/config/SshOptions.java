package io.hadeck.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code ssh.options} a configuration may set: only settings that change how a connection is
 * made or checked. Anything that runs a local command, forwards, changes the destination or reads
 * more configuration is refused, because a config file must never reach the operator's shell
 * (ProxyCommand, LocalCommand, KnownHostsCommand and Match exec all run a program here). Bastions
 * belong in the operator's own ~/.ssh/config, which ssh still reads.
 */
public final class SshOptions {

    /** Keys as ssh spells them, matched case-insensitively (ssh does too). */
    public static final Set<String> ALLOWED = Set.of("ConnectTimeout", "ConnectionAttempts", "ServerAliveInterval",
            "ServerAliveCountMax", "TCPKeepAlive", "Ciphers", "MACs", "KexAlgorithms", "HostKeyAlgorithms",
            "PubkeyAcceptedAlgorithms", "PubkeyAcceptedKeyTypes", "StrictHostKeyChecking", "UserKnownHostsFile",
            "GlobalKnownHostsFile", "CheckHostIP", "HashKnownHosts", "HostKeyAlias", "IdentityFile", "IdentitiesOnly",
            "PreferredAuthentications", "Compression", "AddressFamily", "LogLevel", "RekeyLimit", "IPQoS",
            "ControlMaster");

    private static final Map<String, String> BY_LOWER = new TreeMap<>();

    static {
        ALLOWED.forEach(k -> BY_LOWER.put(k.toLowerCase(Locale.ROOT), k));
    }

    private SshOptions() {
    }

    /**
     * {@code Key=Value} (or {@code Key Value}) normalised to {@code Key=Value} with ssh's spelling,
     * or empty when the option is not allowed; {@link #whyNot} says why.
     */
    public static Optional<String> normalise(String option) {
        String[] kv = split(option);
        if (kv == null) {
            return Optional.empty();
        }
        String key = BY_LOWER.get(kv[0].toLowerCase(Locale.ROOT));
        if ("ControlMaster".equals(key) && !kv[1].equalsIgnoreCase("no")) {
            return Optional.empty(); // hadeck shares connections itself; "ask" would run ssh-askpass
        }
        return key == null ? Optional.empty() : Optional.of(key + "=" + kv[1]);
    }

    /** Why {@code option} is refused (one sentence, no echo of the value), for a FILE:LINE problem. */
    public static String whyNot(String option) {
        String key = option.strip().split("[\\s=]", 2)[0];
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "proxycommand", "localcommand", "permitlocalcommand", "knownhostscommand", "match",
                 "remotecommand" -> "'" + key + "' runs a command and is never taken from a hadeck config";
            case "proxyjump", "proxyusefdpass", "include", "hostname", "user", "port" ->
                    "'" + key + "' changes where ssh connects; put it in your own ~/.ssh/config";
            case "controlmaster" -> "'ControlMaster' may only be 'no' (hadeck shares ssh connections itself; no turns that off)";
            default -> split(option) == null
                    ? "must be Key=Value with a value without spaces, quotes or control characters"
                    : "'" + key + "' is not allowed (allowed: " + String.join(", ", BY_LOWER.values()) + ")";
        };
    }

    /** [key, value], or null when it is not one plain key and one plain value. */
    private static String[] split(String option) {
        String[] kv = option.strip().split("\\s*=\\s*|\\s+", 2);
        if (kv.length != 2 || !kv[0].matches("[A-Za-z][A-Za-z0-9]*")
                || !kv[1].matches("[^\\s\"'\\\\\\p{Cntrl}]+") || kv[1].startsWith("-")) {
            return null;
        }
        return kv;
    }
}
