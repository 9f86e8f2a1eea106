package io.hadeck.probe.discover;

import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdResourceConfig;
import io.hadeck.model.DrbdStatus;
import io.hadeck.parse.KeepalivedConf;
import io.hadeck.parse.PairText;
import io.hadeck.parse.ParseException;
import io.hadeck.probe.pair.PairReader;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.probe.ssh.SshRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A DRBD pair node's keepalived, for `hadeck init`, read as an operator would by hand: the running
 * keepalived's command line (the pair reader's {@code ps}), the file it names ({@code cat}), and
 * where the node has the pair's DRBD device mounted ({@code findmnt -J -S /dev/drbdN}). The
 * services the cluster script starts are in that script, which no reading can parse: the operator
 * names them.
 */
public final class KeepalivedDiscovery {

    private final SshRunner ssh = new SshRunner();
    private final Duration timeout;

    public KeepalivedDiscovery(Duration timeout) {
        this.timeout = timeout;
    }

    /** What {@code target} says; {@code drbd} (its DRBD reading, or null) gives the devices whose mount is looked for. */
    public FoundKeepalived find(NodeTarget target, DrbdStatus drbd) {
        SshRunner.Result ps = ssh.run(target, PairReader.PS, timeout);
        if (!ps.ok() && ps.exitCode() != 1) {   // ps says "none" with exit 1
            return new FoundKeepalived(null, List.of(), null, "keepalived unknown: " + ps.failureText());
        }
        var line = KeepalivedConf.commandLine(ps.stdout());
        if (line.isEmpty()) {
            return new FoundKeepalived(null, List.of(), null, null);
        }
        String path = KeepalivedConf.path(line.get());
        String mount = mount(target, drbd);
        SshRunner.Result conf = ssh.run(target, List.of("cat", path), timeout);
        if (!conf.ok()) {
            return new FoundKeepalived(path, List.of(), mount, path + " unreadable: " + conf.failureText());
        }
        try {
            return new FoundKeepalived(path, KeepalivedConf.virtualAddresses(conf.stdout()), mount, null);
        } catch (ParseException e) {
            return new FoundKeepalived(path, List.of(), mount, path + ": " + e.getMessage());
        }
    }

    private String mount(NodeTarget target, DrbdStatus drbd) {
        for (String device : devices(drbd)) {
            SshRunner.Result r = ssh.run(target, List.of("findmnt", "-J", "-S", device), timeout);
            if (r.ok()) {
                try {
                    String at = PairText.mountTarget(r.stdout());
                    if (at != null) {
                        return at;
                    }
                } catch (ParseException e) {
                    return null;   // not findmnt's JSON: the operator names the mount
                }
            }
        }
        return null;
    }

    /** /dev/drbdN of every minor: the configuration's, else 8.4's /proc/drbd numbers (9's status numbers volumes). */
    static List<String> devices(DrbdStatus drbd) {
        if (drbd == null) {
            return List.of();
        }
        Set<Integer> minors = new LinkedHashSet<>();
        drbd.config().resources().stream().map(DrbdResourceConfig::minors).forEach(minors::addAll);
        if (minors.isEmpty()) {
            drbd.resources().stream().filter(r -> r.name() == null && !r.unconfigured()).map(DrbdResource::minor)
                    .forEach(minors::add);
        }
        List<String> out = new ArrayList<>();
        minors.forEach(m -> out.add("/dev/drbd" + m));
        return out;
    }
}
