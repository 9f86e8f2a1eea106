package io.hadeck.probe.chef;

import com.fasterxml.jackson.databind.JsonNode;
import io.hadeck.model.ChefNodeChecks;
import io.hadeck.probe.ProbeException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a backend node printed for {@link ChefNodeReader}: {@code chef-backend-ctl status}'s
 * service table, {@code ip -o -4 addr show}, the port probes, and {@code date +%s.%N}. Pure.
 *
 * <p>The service table is DOCUMENTED (seed 000 "Step 3", seed 001 "Build the Cluster"): columns
 * Service, Local Status, Time in State, Distributed Node Status; Local Status "running (pid N)";
 * leaderl's distributed status "leader: 1; waiting: 0; follower: 2; total: 3". ASSUMED: any other
 * Local Status ("down", "run: …", …) means not running; columns are separated by two or more spaces.
 */
public final class ChefNodeText {
    private static final Pattern RUNNING = Pattern.compile("running \\(pid (\\d+)\\)");
    private static final Pattern COUNT = Pattern.compile("(leader|waiting|follower|total):\\s*(\\d+)");
    private static final Pattern COLUMNS = Pattern.compile("\\s{2,}");

    private ChefNodeText() {
    }

    /** The service table's rows, in its order; an empty or headerless table is an error naming it. */
    public static List<ChefNodeChecks.Service> services(String status) {
        List<ChefNodeChecks.Service> out = new ArrayList<>();
        boolean header = false;
        for (String line : status.strip().lines().toList()) {
            if (line.startsWith("Service") && line.contains("Local Status")) {
                header = true;
                continue;
            }
            if (!header || line.isBlank()) {
                continue;
            }
            String[] c = COLUMNS.split(line.strip(), 4);
            Matcher m = RUNNING.matcher(c.length > 1 ? c[1] : "");
            boolean running = m.matches();
            out.add(new ChefNodeChecks.Service(c[0], running, running ? Integer.valueOf(m.group(1)) : null,
                    c.length > 2 ? c[2] : null, c.length > 3 ? c[3] : null));
        }
        if (!header) {
            throw new ProbeException("unexpected output of chef-backend-ctl status: no 'Service  Local Status' header");
        }
        return out;
    }

    /** leaderl's counts from its row, or null when the table has no such row or it says something else. */
    public static ChefNodeChecks.Leaderl leaderl(List<ChefNodeChecks.Service> services) {
        String d = services.stream().filter(s -> s.name().equals("leaderl")).map(ChefNodeChecks.Service::distributed)
                .filter(x -> x != null).findFirst().orElse(null);
        if (d == null) {
            return null;
        }
        Map<String, Integer> n = new java.util.HashMap<>();
        Matcher m = COUNT.matcher(d);
        while (m.find()) {
            n.put(m.group(1), Integer.valueOf(m.group(2)));
        }
        if (n.size() != 4) {
            return null;
        }
        return new ChefNodeChecks.Leaderl(n.get("leader"), n.get("waiting"), n.get("follower"), n.get("total"));
    }

    /** Whether {@code ip -o -4 addr show} lists {@code vip} as one of the node's addresses. */
    public static boolean holds(String ipAddrShow, String vip) {
        Pattern p = Pattern.compile("\\binet " + Pattern.quote(vip) + "/");
        return ipAddrShow.lines().anyMatch(l -> p.matcher(l).find());
    }

    /** Lines "HOST PORT open|closed" as the probe script prints them, matched back to the peers asked about. */
    public static List<ChefNodeChecks.Port> ports(String text, List<ChefNodeChecks.Port> asked) {
        List<ChefNodeChecks.Port> out = new ArrayList<>();
        List<String> lines = text.lines().map(String::strip).toList();
        for (ChefNodeChecks.Port a : asked) {
            boolean open = lines.contains(a.host() + " " + a.port() + " open");
            out.add(new ChefNodeChecks.Port(a.node(), a.host(), a.port(), a.service(), open));
        }
        return out;
    }

    /**
     * The installed chef-backend version from the node's version manifest (seed 000 "For a full list of the
     * software packages included (and their versions), see the file located at
     * /opt/chef-backend/version-manifest.json"). ASSUMED (the manifest's shape is not in the seeds; it is the
     * Chef installer's, Omnibus): the package's own version is the top-level "build_version".
     */
    public static String version(String manifest) {
        String s = manifest.strip();
        JsonNode root;
        try {
            root = JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new ProbeException("not a version manifest: " + (s.length() > 60 ? s.substring(0, 60) + "…" : s));
        }
        JsonNode v = root == null ? null : root.get("build_version");
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new ProbeException("the version manifest has no build_version");
        }
        return v.asText();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The node's clock ({@code date +%s.%N}) as an instant; a clear error for anything else. */
    public static Instant epoch(String dateOutput) {
        String s = dateOutput.strip();
        try {
            BigDecimal d = new BigDecimal(s);
            long secs = d.longValue();
            long nanos = d.subtract(BigDecimal.valueOf(secs)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(secs, nanos);
        } catch (NumberFormatException e) {
            throw new ProbeException("unexpected output of date +%s.%N: " + (s.length() > 40 ? s.substring(0, 40) + "…" : s));
        }
    }
}
