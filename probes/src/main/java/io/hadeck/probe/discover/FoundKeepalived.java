package io.hadeck.probe.discover;

import java.util.List;

/**
 * A keepalived pair node as `hadeck init` found it over ssh. Nothing secret is kept: of the
 * configuration only the VRRP addresses are read (its {@code auth_pass} never leaves the parser).
 *
 * @param config  the file the running keepalived reads, null when none runs
 * @param vips    the addresses of its virtual_ipaddress blocks
 * @param mount   where this node has a DRBD device of the pair mounted (the owner does), or null
 * @param problem why something could not be read, or null
 */
public record FoundKeepalived(String config, List<String> vips, String mount, String problem) {
    public FoundKeepalived {
        vips = List.copyOf(vips);
    }

    /** What the node told, in one line: "keepalived running (FILE), VIP 10.0.0.5, /dev/drbd0 mounted on /data". */
    public String describe() {
        if (config == null) {
            return problem != null ? problem : "keepalived is not running";
        }
        return "keepalived running (" + config + ")" + (vips.isEmpty() ? ", no virtual_ipaddress" : ", VIP " + String.join(" ", vips))
                + (mount != null ? ", DRBD mounted on " + mount : ", DRBD not mounted here")
                + (problem != null ? "; " + problem : "");
    }
}
