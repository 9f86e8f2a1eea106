package io.hadeck.parse;

import io.hadeck.model.DrbdResource;
import io.hadeck.model.DrbdStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DRBD 9 {@code drbdadm status} text. Indentation carries the structure:
 * <pre>
 * pc0 role:Primary                         resource (column 0)
 *   volume:0 disk:UpToDate                 a local volume (column 2, starts with key:value)
 *   drbd-b role:Secondary                  a peer connection (column 2, starts with the peer's name)
 *     volume:0 replication:SyncSource peer-disk:Inconsistent done:31.40   the peer's volume (column 4)
 * </pre>
 * Each volume becomes one DrbdResource seen against the first peer, in 8.4 words: the connection
 * is the replication state while resyncing (SyncSource/SyncTarget), else the peer's connection state.
 */
public final class Drbd9StatusParser {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,128}");

    private Drbd9StatusParser() {
    }

    /** True when some line at column 0 looks like {@code NAME role:ROLE}. */
    static boolean looksLike(String text) {
        return text.lines().anyMatch(l -> l.matches("[^\\s:]+ role:\\S+.*"));
    }

    private static final Pattern NO_SUCH_RESOURCE = Pattern.compile("(?m)^(" + NAME.pattern() + "): No such resource$");

    /** The resources drbdadm/drbdsetup status called "No such resource" (down on this node), from its stderr. */
    public static List<String> downResources(String stderr) {
        return NO_SUCH_RESOURCE.matcher(stderr == null ? "" : stderr).results().map(m -> m.group(1)).distinct().toList();
    }

    /**
     * The status of the resources that run (stdout, maybe none: "# No currently configured DRBD
     * found.") with those that are down on this node as unconfigured, like /proc/drbd 8.4's
     * cs:Unconfigured (DRBD 9 numbers no minor for them: -1).
     */
    public static DrbdStatus withDown(String stdout, List<String> down) {
        String text = stdout == null ? "" : stdout.lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
        List<DrbdResource> out = new ArrayList<>(text.isBlank() ? List.of() : parse(text).resources());
        for (String name : down) {
            if (out.stream().noneMatch(r -> name.equals(r.name()))) {
                out.add(new DrbdResource(-1, name, "Unconfigured", null, null, null, null, null, 0, Map.of(), null));
            }
        }
        return new DrbdStatus(null, out, (stdout == null ? "" : stdout)
                + down.stream().map(n -> n + ": No such resource\n").collect(java.util.stream.Collectors.joining()));
    }

    public static DrbdStatus parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ParseException(0, "empty drbdadm status output");
        }
        List<Res> resources = new ArrayList<>();
        Res res = null;
        Peer peer = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String raw = lines[i].stripTrailing();
            if (raw.isBlank()) {
                continue;
            }
            int indent = raw.length() - raw.stripLeading().length();
            String[] tokens = raw.strip().split("\\s+");
            if (raw.indexOf('\t') >= 0 && raw.indexOf('\t') < indent) {
                throw new ParseException(no, "tab in indentation");
            }
            switch (indent) {
                case 0 -> {
                    String name = tokens[0];
                    if (!NAME.matcher(name).matches()) {
                        throw new ParseException(no, "expected a resource name, found '" + Drbd84Parser.clip(name) + "'");
                    }
                    res = new Res(name, keyValues(no, tokens, 1));
                    if (res.props.get("role") == null) {
                        throw new ParseException(no, "resource " + name + " without role:");
                    }
                    resources.add(res);
                    peer = null;
                }
                case 2 -> {
                    if (res == null) {
                        throw new ParseException(no, "indented line before any resource");
                    }
                    if (tokens[0].contains(":")) {
                        Map<String, String> kv = keyValues(no, tokens, 0);
                        res.volumes.put(volume(no, kv), kv);
                        peer = null;
                    } else {
                        if (!NAME.matcher(tokens[0]).matches()) {
                            throw new ParseException(no, "expected a peer name, found '" + Drbd84Parser.clip(tokens[0]) + "'");
                        }
                        peer = new Peer(tokens[0], keyValues(no, tokens, 1));
                        res.peers.add(peer);
                    }
                }
                case 4 -> {
                    if (peer == null) {
                        throw new ParseException(no, "peer volume line without a peer above it");
                    }
                    Map<String, String> kv = keyValues(no, tokens, 0);
                    peer.volumes.put(volume(no, kv), kv);
                }
                default -> throw new ParseException(no, "unexpected indentation of " + indent + " spaces");
            }
        }
        if (resources.isEmpty()) {
            throw new ParseException(0, "no resource in drbdadm status output");
        }
        List<DrbdResource> out = new ArrayList<>();
        for (Res r : resources) {
            r.toResources(out);
        }
        return new DrbdStatus(null, out, text);
    }

    private static Map<String, String> keyValues(int no, String[] tokens, int from) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = from; i < tokens.length; i++) {
            String t = tokens[i];
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw new ParseException(no, "expected key:value, found '" + Drbd84Parser.clip(t) + "'");
            }
            kv.put(t.substring(0, colon), t.substring(colon + 1));
        }
        return kv;
    }

    private static int volume(int no, Map<String, String> kv) {
        String v = kv.get("volume");
        if (v == null) {
            return 0;
        }
        if (!v.matches("\\d{1,5}")) {
            throw new ParseException(no, "volume is not a number: '" + Drbd84Parser.clip(v) + "'");
        }
        return Integer.parseInt(v);
    }

    private record Peer(String name, Map<String, String> props, Map<Integer, Map<String, String>> volumes) {
        Peer(String name, Map<String, String> props) {
            this(name, props, new LinkedHashMap<>());
        }
    }

    private record Res(String name, Map<String, String> props, Map<Integer, Map<String, String>> volumes,
                       List<Peer> peers) {
        Res(String name, Map<String, String> props) {
            this(name, props, new LinkedHashMap<>(), new ArrayList<>());
        }

        void toResources(List<DrbdResource> out) {
            if (volumes.isEmpty()) {
                throw new ParseException(0, "resource " + name + " has no disk: line");
            }
            Peer peer = peers.isEmpty() ? null : peers.get(0);
            for (var e : volumes.entrySet()) {
                Map<String, String> local = e.getValue();
                Map<String, String> remote = peer == null ? Map.of() : peer.volumes.getOrDefault(e.getKey(), Map.of());
                String connection = peer == null ? "StandAlone" : peer.props.getOrDefault("connection", "Connected");
                String replication = remote.get("replication");
                if (replication != null && !replication.equals("Established")) {
                    connection = replication;
                }
                String peerRole = peer == null ? "Unknown" : peer.props.getOrDefault("role", "Unknown");
                String peerDisk = remote.getOrDefault("peer-disk", "DUnknown");
                long oos = remote.containsKey("out-of-sync") ? Drbd84Parser.number(0, remote.get("out-of-sync")) : 0;
                DrbdResource.DrbdSync sync = remote.containsKey("done") ? new DrbdResource.DrbdSync(percent(remote.get("done")), null, null)
                        : null;
                int minor = local.containsKey("minor") ? (int) Math.min(Integer.MAX_VALUE,
                        Drbd84Parser.number(0, local.get("minor"))) : e.getKey();
                out.add(new DrbdResource(minor, name, connection, props.get("role"), peerRole, local.get("disk"),
                        peerDisk, null, oos, Map.of(), sync));
            }
        }

        private double percent(String done) {
            if (!done.matches("\\d{1,3}(\\.\\d{1,6})?")) {
                throw new ParseException(0, "resource " + name + ": done is not a percentage: '" + Drbd84Parser.clip(done) + "'");
            }
            double v = Double.parseDouble(done);
            if (v > 100) {
                throw new ParseException(0, "resource " + name + ": done above 100%");
            }
            return v;
        }
    }
}
