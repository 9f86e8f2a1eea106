package io.hadeck.model;

import java.util.List;
import java.util.Optional;

/**
 * What the Chef Backend seeds ask an operator to check on one backend node, read over ssh on that
 * node: {@code chef-backend-ctl status}'s service table (seed 000/001), leaderl's counts from it,
 * the node's clock against hadeck's (seed 000/001 "Drift of less than 1.5 seconds"), whether it
 * holds the backend VIP (seed 001 "always assigned to the node that is the current leader"), and
 * which of its peers' required ports it can reach (seed 000 "Peer communication").
 *
 * @param clockOffsetSeconds    the node's clock minus hadeck's, null when it could not be read
 * @param clockUncertaintySeconds how far off that offset may be (the ssh round trip)
 * @param holdsVip              null when no VIP is configured or the node's addresses could not be read
 * @param version               the chef-backend version installed on the node ({@code build_version} of
 *                              /opt/chef-backend/version-manifest.json, seed 000 "Software Versions"), null when unread
 * @param versionError          why the version could not be read, null when it was
 */
public record ChefNodeChecks(List<Service> services, Leaderl leaderl, Double clockOffsetSeconds,
                             Double clockUncertaintySeconds, Boolean holdsVip, List<Port> ports, String version,
                             String versionError) {
    public ChefNodeChecks {
        services = List.copyOf(services);
        ports = List.copyOf(ports);
    }

    /** Checks of a node whose version was not asked. */
    public ChefNodeChecks(List<Service> services, Leaderl leaderl, Double clockOffsetSeconds,
                          Double clockUncertaintySeconds, Boolean holdsVip, List<Port> ports) {
        this(services, leaderl, clockOffsetSeconds, clockUncertaintySeconds, holdsVip, ports, null, "not asked");
    }

    /** One row of the service table: "leaderl  running (pid 6788)  1d 5h 59m 35s  leader: 1; …". */
    public record Service(String name, boolean running, Integer pid, String timeInState, String distributed) {
        private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+)([dhms])");

        /**
         * "1d 5h 59m 35s" in seconds (the seeds' Time in State form); empty when the column says
         * something else. How long the service has run since it was last (re)started.
         */
        public Optional<Long> secondsInState() {
            if (timeInState == null || !timeInState.strip().matches("(\\d+[dhms]\\s*)+")) {
                return Optional.empty();
            }
            long total = 0;
            java.util.regex.Matcher m = PART.matcher(timeInState);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total += switch (m.group(2)) {
                    case "d" -> n * 86400;
                    case "h" -> n * 3600;
                    case "m" -> n * 60;
                    default -> n;
                };
            }
            return Optional.of(total);
        }
    }

    /** leaderl's row of the service table: "leader: 1; waiting: 0; follower: 2; total: 3". */
    public record Leaderl(int leader, int waiting, int follower, int total) {
        public boolean settled() {
            return leader == 1 && waiting == 0 && follower == total - 1;
        }

        @Override
        public String toString() {
            return "leader: " + leader + "; waiting: " + waiting + "; follower: " + follower + "; total: " + total;
        }
    }

    /** A peer's port as this node reaches it: open, or the reason it could not connect. */
    public record Port(String node, String host, int port, String service, boolean open) {
    }

    public Optional<Service> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<Port> closedPorts() {
        return ports.stream().filter(p -> !p.open()).toList();
    }
}
