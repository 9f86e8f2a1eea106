package io.hadeck.console.init;

import io.hadeck.config.KeepalivedConfig;
import io.hadeck.probe.discover.FoundKeepalived;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The keepalived block `hadeck init` writes for a pair, from what both nodes said: their one VIP,
 * the DRBD mount (the owner has it mounted; --pair-mount wins) and the services the operator names.
 * Several VIPs or none: no guess, the block is left for the operator and {@code why} says why.
 *
 * @param config the block for each node, or null
 * @param why    why there is none, or what is missing from it; null when nothing is
 */
public record PairKeepalived(KeepalivedConfig config, String why) {

    public static PairKeepalived choose(List<FoundKeepalived> found, String mountOption, List<String> servicesOption) {
        if (found.stream().allMatch(f -> f.config() == null)) {
            return new PairKeepalived(null, "keepalived runs on neither node");
        }
        Set<String> vips = new LinkedHashSet<>();
        found.forEach(f -> vips.addAll(f.vips()));
        if (vips.isEmpty()) {
            return new PairKeepalived(null, "no VIP read from keepalived's configuration");
        }
        if (vips.size() > 1) {
            return new PairKeepalived(null, "several VIPs (" + String.join(", ", vips) + "): the pair's is for you to say");
        }
        String mount = mountOption != null ? mountOption
                : found.stream().map(FoundKeepalived::mount).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> services = servicesOption == null ? List.of() : servicesOption;
        String missing = mount == null ? "the DRBD mount (mounted on neither node: --pair-mount PATH)" : null;
        if (services.isEmpty()) {
            missing = (missing == null ? "" : missing + " and ") + "the services the cluster script starts (--pair-services UNIT,...)";
        }
        return new PairKeepalived(new KeepalivedConfig(vips.iterator().next(), mount, services),
                missing == null ? null : "not read, add them: " + missing);
    }
}
