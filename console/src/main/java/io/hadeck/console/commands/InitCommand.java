package io.hadeck.console.commands;

import io.hadeck.console.session.Settings;
import io.hadeck.console.commands.base.BaseCommand;
import io.hadeck.console.line.CommandException;
import io.hadeck.console.line.ExitCode;
import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.console.session.Session;
import io.hadeck.console.init.ConfigDraft;
import io.hadeck.console.init.PairKeepalived;
import io.hadeck.console.init.ConfigFileWriter;
import io.hadeck.model.DrbdStatus;
import io.hadeck.model.Observation;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.discover.ClusterDiscovery;
import io.hadeck.probe.discover.FoundKeepalived;
import io.hadeck.probe.discover.KeepalivedDiscovery;
import io.hadeck.probe.discover.FoundCluster;
import io.hadeck.probe.ssh.NodeTarget;
import io.hadeck.text.TerminalText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hadeck init}: a first configuration from one starting point — an etcd endpoint, one
 * Patroni REST URL or a Patroni YAML — and/or a DRBD pair's two hosts; then {@code config check}
 * and {@code status} on what it wrote, as an operator would run them.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a configuration from one etcd endpoint, Patroni REST URL or Patroni YAML (and/or a DRBD pair),",
                "then run `config check` and `status` on it. Passwords are asked for as files, never inline.",
                "Exit: the status's code (0 healthy), 2 bad input or an existing file without --force, 3 nothing found."})
public class InitCommand extends BaseCommand {

    static class From {
        @Option(names = "--etcd", paramLabel = "URL", description = "An etcd client URL: finds every Patroni scope under --namespace (default: all of etcd's keys).")
        String etcd;
        @Option(names = "--patroni", paramLabel = "URL", description = "One member's Patroni REST URL (GET /cluster, /patroni).")
        String patroni;
        @Option(names = "--patroni-yaml", paramLabel = "FILE", description = "A node's Patroni YAML: its etcd, else its REST API, else that member alone.")
        Path patroniYaml;
    }

    @ArgGroup(exclusive = true)
    From from;

    @Option(names = "--drbd-pair", paramLabel = "[NAME=]HOST", split = ",", description = "The two hosts of a DRBD pair (NAME=HOST names the node); their resources are read over ssh.")
    List<String> drbdPair;
    @Option(names = "--pair-mount", paramLabel = "PATH", description = "Where the pair's owner mounts the DRBD device (default: where init finds it mounted).")
    String pairMount;
    @Option(names = "--pair-services", paramLabel = "UNIT", split = ",", description = "The services the pair's cluster script starts on the owner, in order (no reading can tell them).")
    List<String> pairServices;

    @Mixin
    InitCredentials credentials;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: --config, else $XDG_CONFIG_HOME/hadeck/config.yaml).")
    Path out;
    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;
    @Option(names = "--name", paramLabel = "NAME", description = "Name of the (first) cluster (default: its Patroni scope; a pair alone: pair).")
    String name;
    @Option(names = "--namespace", paramLabel = "NS", description = "Patroni namespace to look under (e.g. /service/).")
    String namespace;
    @Option(names = "--scope", paramLabel = "SCOPE", description = "Keep only this Patroni scope.")
    String scope;
    @Option(names = "--ssh-user", paramLabel = "USER") String sshUser;
    @Option(names = "--ssh-port", paramLabel = "PORT", defaultValue = "22") int sshPort;
    @Option(names = "--ssh-identity", paramLabel = "FILE") String sshIdentity;
    @Option(names = "--ssh-known-hosts", paramLabel = "FILE") String sshKnownHosts;
    @Option(names = "--insecure", description = "Accept passwords sent without verified TLS (a lab on loopback).") boolean insecure;
    @Option(names = "--timeout", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class) Duration timeout;

    @Override
    public Integer call() {
        if (from == null && drbdPair == null) {
            throw CommandException.usage("init: give --etcd URL, --patroni URL or --patroni-yaml FILE (and/or --drbd-pair A,B)");
        }
        if (drbdPair == null && (pairMount != null || pairServices != null)) {
            throw CommandException.usage("init: --pair-mount and --pair-services go with --drbd-pair A,B");
        }
        Path file = target();
        if (Files.exists(file) && !force) {
            throw CommandException.usage("init: " + file + " exists; give --force to overwrite it, or --out FILE");
        }
        ClusterDiscovery discovery = new ClusterDiscovery(timeout);
        List<FoundCluster> clusters = from == null ? List.of() : discover(discovery);
        ConfigDraft.Pair pair = drbdPair == null ? null : pair(discovery);
        ConfigDraft.Secrets secrets = credentials.secrets(!clusters.isEmpty(), session.asking().confirmer());
        ConfigDraft draft = new ConfigDraft(clusters, name, secrets,
                new ConfigDraft.Ssh(sshUser, sshPort, InitCredentials.absolute(sshIdentity), InitCredentials.absolute(sshKnownHosts)), pair, insecure, source());
        ConfigFileWriter.write(file, draft.render());
        out().println("wrote " + file);
        out().flush();
        return checkAndStatus(file, draft.names());
    }

    private Path target() {
        if (out != null) {
            return out;
        }
        String given = session.settings().options().configFile();
        if (given != null) {
            return Path.of(given);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home", "."), ".config");
        return base.resolve("hadeck/config.yaml");
    }

    private List<FoundCluster> discover(ClusterDiscovery discovery) {
        ClusterDiscovery.EtcdAccess access = credentials.etcdAccess();
        List<FoundCluster> found;
        try {
            if (from.etcd != null) {
                found = discovery.fromEtcd(from.etcd, namespace, access);
            } else if (from.patroni != null) {
                found = List.of(discovery.fromPatroni(from.patroni, credentials.restAuthorization(), credentials.tls(), namespace));
            } else {
                List<String> tried = new ArrayList<>();
                found = List.of(discovery.fromPatroniYaml(from.patroniYaml, access, credentials.restAuthorization(), credentials.tls(), tried));
                tried.forEach(t -> out().println("  (not used: " + TerminalText.escape(t) + ")"));
            }
        } catch (ProbeException | io.hadeck.config.ConfigException e) {
            throw CommandException.unreachable("init: " + e.getMessage());
        }
        if (scope != null) {
            found = found.stream().filter(c -> c.scope().equals(scope)).toList();
            if (found.isEmpty()) {
                throw CommandException.unreachable("init: no Patroni cluster with scope " + scope + " found");
            }
        }
        for (FoundCluster c : found) {
            out().println("found Patroni cluster " + TerminalText.escape(c.scope()) + " under " + TerminalText.escape(c.namespace())
                    + ": " + String.join(", ", c.members().stream().map(m -> TerminalText.escape(m.name() + " (" + m.host() + ")")).toList())
                    + (c.etcdEndpoints().isEmpty() ? "; etcd not known from this source" : "; etcd " + String.join(", ", c.etcdEndpoints())));
        }
        return found;
    }

    private ConfigDraft.Pair pair(ClusterDiscovery discovery) {
        if (drbdPair.size() != 2) {
            throw CommandException.usage("init: --drbd-pair takes two hosts (A,B), got " + drbdPair.size());
        }
        if (sshUser == null) {
            throw CommandException.usage("init: --drbd-pair needs --ssh-user (and usually --ssh-identity, --ssh-known-hosts)");
        }
        List<ConfigDraft.PairNode> nodes = drbdPair.stream().map(InitCommand::pairNode).toList();
        java.util.Set<String> resources = new java.util.LinkedHashSet<>();
        List<FoundKeepalived> keepalived = new ArrayList<>();
        for (ConfigDraft.PairNode n : nodes) {
            NodeTarget t = new NodeTarget(n.name(), false, n.host(), sshPort, sshUser, sshIdentity, sshKnownHosts,
                    Duration.ofSeconds(3), List.of());
            Observation<DrbdStatus> o = discovery.drbd(t);
            FoundKeepalived k = new KeepalivedDiscovery(timeout).find(t, o.isOk() ? o.value() : null);
            keepalived.add(k);
            String said;
            try {
                List<String> names = o.isOk() ? discovery.resourceNames(t, o.value()) : List.of();
                resources.addAll(names);
                said = o.isOk() ? describe(names, o.value()) : "unreadable: " + o.error();
            } catch (ProbeException e) {
                said = "resources unreadable: " + e.getMessage();
            }
            out().println("DRBD on " + TerminalText.escape(n.name()) + " (" + TerminalText.escape(n.host()) + "): "
                    + TerminalText.escape(said));
            out().println("keepalived on " + TerminalText.escape(n.name()) + ": " + TerminalText.escape(k.describe()));
        }
        if (resources.isEmpty()) {
            throw CommandException.unreachable("init: no DRBD resource read on either host of the pair");
        }
        PairKeepalived ka = PairKeepalived.choose(keepalived, pairMount, pairServices);
        if (ka.why() != null) {
            out().println("keepalived: " + TerminalText.escape(ka.why()));
        }
        return new ConfigDraft.Pair(from == null && name != null ? name : "pair", nodes, List.copyOf(resources), ka);
    }

    /** "pc0 Primary/Secondary Connected UpToDate/UpToDate", the names from {@code names} where neither the text nor the dump gives one. */
    private static String describe(List<String> names, DrbdStatus s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.resources().size(); i++) {
            var r = s.resources().get(i);
            String name = s.name(r).orElse(i < names.size() ? names.get(i) : r.label());
            out.add(name + " " + r.role() + "/" + r.peerRole() + " " + r.connection() + " " + r.disk() + "/" + r.peerDisk());
        }
        return out.isEmpty() ? "no resources" : String.join("; ", out);
    }

    private static ConfigDraft.PairNode pairNode(String spec) {
        int eq = spec.indexOf('=');
        return eq > 0 ? new ConfigDraft.PairNode(spec.substring(0, eq), spec.substring(eq + 1))
                : new ConfigDraft.PairNode(spec, spec);
    }

    private String source() {
        List<String> s = new ArrayList<>();
        if (from != null) {
            s.add(from.etcd != null ? "etcd " + from.etcd : from.patroni != null ? "Patroni " + from.patroni
                    : "Patroni YAML " + from.patroniYaml.toAbsolutePath());
        }
        if (drbdPair != null) {
            s.add("DRBD pair " + String.join(",", drbdPair));
        }
        return String.join(" and ", s);
    }

    /**
     * `config check FILE` then `status` of each cluster written (a Patroni cluster and a pair are two),
     * each as its own command, in a session of their own; the worst status's exit code.
     */
    private int checkAndStatus(Path file, List<String> clusterNames) {
        try (Session s = new Session(new Settings.Options(file.toString(), null, null, true, false),
                session.clock(), Confirmer.NOBODY)) {
            Shell shell = new Shell(s);
            out().println("$ hadeck config check " + file);
            out().flush();
            int check = shell.main(new String[] {"config", "check", file.toString()}, out(), err());
            if (check != ExitCode.OK) {
                return check;
            }
            int worst = ExitCode.OK;
            for (String cluster : clusterNames) {
                List<String> argv = new ArrayList<>(List.of("--config", file.toString()));
                if (clusterNames.size() > 1) {
                    argv.addAll(List.of("--cluster", cluster));
                    out().println();
                }
                argv.add("status");
                out().println("$ hadeck " + String.join(" ", argv));
                out().flush();
                worst = Math.max(worst, shell.main(argv.toArray(String[]::new), out(), err()));
            }
            return worst;
        }
    }
}
