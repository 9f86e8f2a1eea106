package io.hadeck.actions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/** Who acts, from where: written to the audit log and into the action lock's holder text. */
public record Operator(String user, String host, long pid) {

    public static Operator current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return new Operator(System.getProperty("user.name", "unknown"), host, ProcessHandle.current().pid());
    }

    /** "user@host pid 1234 since 2024-05-01T03:12:00Z": what another console is shown. */
    public String holderText(Instant since) {
        return user + "@" + host + " pid " + pid + " since " + since;
    }
}
