package io.hadeck.console.doctor;

import io.hadeck.watch.OneShotSweep;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;
import io.hadeck.config.Secret;
import io.hadeck.config.Tls;
import io.hadeck.files.FileModes;
import io.hadeck.findings.InsecureTransportRules;
import io.hadeck.model.ClusterSnapshot;
import io.hadeck.model.NodeView;
import io.hadeck.model.Observation;
import io.hadeck.probe.Failures;
import io.hadeck.probe.ProbeException;
import io.hadeck.probe.TlsContexts;
import io.hadeck.probe.patroni.PatroniReader;
import io.hadeck.probe.ssh.KnownHosts;
import io.hadeck.probe.ssh.NodeTarget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What `hadeck doctor` checks for one cluster of a valid configuration: its files (secrets only
 * the owner may read; TLS material that loads), transport (the INSECURE_TRANSPORT findings), ssh host
 * keys, and every endpoint through the readers themselves — the same reads `status` makes, so a
 * passing doctor means status can see what the config names. Endpoints are not tried while a
 * file problem stands: the readers would only repeat it on every node.
 */
public final class Doctor {

    private final ClusterConfig c;

    public Doctor(ClusterConfig cluster) {
        this.c = cluster;
    }

    public record Outcome(List<DoctorCheck> problems, int checks, boolean endpointsSkipped) {
    }

    public Outcome run() {
        List<DoctorCheck> out = new ArrayList<>();
        int checks = files(out);
        boolean fileProblems = !out.isEmpty();
        checks += transport(out);
        checks += hostKeys(out);
        if (!fileProblems) {
            checks += endpoints(out);
        }
        return new Outcome(out, checks, fileProblems);
    }

    private int files(List<DoctorCheck> out) {
        int n = 0;
        List<Secret> secrets = new ArrayList<>();
        List<Tls> tls = new ArrayList<>();
        if (c.etcd() != null) {
            secrets.add(c.etcd().password());
            tls.add(c.etcd().tls());
        }
        if (c.patroni() != null) {
            secrets.add(c.patroni().password());
            tls.add(c.patroni().tls());
        }
        if (c.postgres() != null) {
            secrets.add(c.postgres().password());
            tls.add(c.postgres().tls());
        }
        if (c.elasticsearch() != null) {
            secrets.add(c.elasticsearch().password());
            tls.add(c.elasticsearch().tls());
        }
        for (Secret s : secrets.stream().filter(Objects::nonNull).distinct().toList()) {
            n++;
            if (s.kind() == Secret.Kind.ENV) {
                if (System.getenv(s.reference()) == null) {
                    out.add(new DoctorCheck(c.name(), "environment variable " + s.reference() + " is not set",
                            "export it before running hadeck"));
                }
            } else {
                privateFile(out, "secret file", s.reference());
            }
        }
        if (c.ssh() != null && c.ssh().identity() != null) {
            n++;
            privateFile(out, "ssh identity", expandHome(c.ssh().identity()));
        }
        for (Tls t : tls.stream().filter(Objects::nonNull).distinct().toList()) {
            n++;
            if (t.key() != null) {
                privateFile(out, "TLS key", t.key());
            }
            try {
                TlsContexts.of(t);
            } catch (RuntimeException e) {
                out.add(new DoctorCheck(c.name() + " tls", Failures.describe(e, c.timeouts().connect()),
                        "check the PEM files of this tls: block"));
            }
        }
        return n;
    }

    private void privateFile(List<DoctorCheck> out, String what, String file) {
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            out.add(new DoctorCheck(c.name(), what + " " + file + " does not exist", "create it or correct the path"));
            return;
        }
        FileModes.secretProblem(p).ifPresent(why -> out.add(DoctorCheck.of(c.name(), what + " " + file + ": " + why)));
        if (!Files.isReadable(p)) {
            out.add(new DoctorCheck(c.name(), what + " " + file + " is not readable by this user", "run hadeck as its owner"));
        }
    }

    private int transport(List<DoctorCheck> out) {
        InsecureTransportRules.of(c).forEach(f -> out.add(new DoctorCheck(c.name() + " " + String.join(", ", f.nodes()),
                f.code() + ": " + f.message(), f.action())));
        return 1;
    }

    /** Every node hadeck may log in to: DRBD and pair nodes, Chef Backend nodes, and all nodes when ssh: is set. */
    private int hostKeys(List<DoctorCheck> out) {
        int n = 0;
        for (NodeConfig node : c.nodes()) {
            boolean ssh = c.ssh() != null || (node.runsDrbd() && !"local".equals(node.drbdVia())) || node.runsKeepalived()
                    || "chef-backend".equals(c.manager());
            if (!ssh || "local".equals(node.drbdVia())) {
                continue;
            }
            n++;
            NodeTarget t = NodeTarget.ssh(c.ssh(), node);
            try {
                KnownHosts.problem(t).ifPresent(why -> out.add(DoctorCheck.of(c.name() + " " + node.name() + " ssh", why)));
            } catch (ProbeException e) {
                out.add(new DoctorCheck(c.name() + " " + node.name() + " ssh", e.getMessage(), ""));
            }
        }
        return n;
    }

    /** Each node's layers as the readers see them; the same failure on several nodes is one line. */
    private int endpoints(List<DoctorCheck> out) {
        ClusterSnapshot s = OneShotSweep.SYSTEM.read(c, c.timeouts().read().plus(c.timeouts().connect()));
        Map<String, List<String>> failed = new LinkedHashMap<>();
        int n = 0;
        for (NodeView v : s.nodes()) {
            NodeConfig node = c.node(v.name()).orElse(null);
            n += layer(failed, v, "etcd", v.etcd(), node, NodeConfig::etcd);
            n += layer(failed, v, "PostgreSQL", v.postgres(), node, NodeConfig::postgres);
            n += layer(failed, v, "Elasticsearch", v.elasticsearch(), node, NodeConfig::elasticsearch);
            n += layer(failed, v, "DRBD over ssh", v.drbd(), node, x -> x.host());
        }
        if ("patroni".equals(c.manager())) {
            PatroniReader reader = new PatroniReader(c, Clock.systemUTC());
            for (NodeConfig node : c.nodes()) {
                if (node.patroni() == null) {
                    continue;
                }
                n++;
                try {
                    reader.ping(node.patroni());
                } catch (Exception e) {
                    failed.computeIfAbsent("Patroni REST\0" + Failures.describe(e, c.timeouts().read()), k -> new ArrayList<>())
                            .add(node.name() + " " + node.patroni());
                }
            }
        }
        failed.forEach((k, where) -> {
            String[] layerError = k.split("\0", 2);
            out.add(new DoctorCheck(c.name() + " " + String.join(", ", where) + " " + layerError[0], layerError[1],
                    fix(layerError[0], layerError[1])));
        });
        return n;
    }

    private static int layer(Map<String, List<String>> failed, NodeView v, String layer, Observation<?> o,
                             NodeConfig node, Function<NodeConfig, String> endpoint) {
        if (o == null) {
            return 0;
        }
        if (!o.isOk()) {
            String at = node == null || endpoint.apply(node) == null ? v.name() : v.name() + " " + endpoint.apply(node);
            failed.computeIfAbsent(layer + "\0" + o.error(), k -> new ArrayList<>()).add(at);
        }
        return 1;
    }

    static String fix(String layer, String error) {
        String e = error.toLowerCase(java.util.Locale.ROOT);
        if (e.contains("authentication") || e.contains("password")) {
            return "check the " + layer + " user and its password file";
        }
        if (e.contains("certificate") || e.contains("pkix") || e.contains("ssl") || e.contains("tls")) {
            return "check the tls: block (ca) and that the server's certificate names this host";
        }
        if (e.contains("host key")) {
            return "add the node's host key to known_hosts after checking its fingerprint";
        }
        return "check that " + layer + " runs there and the address in the config is right";
    }

    private static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home", ".") + path.substring(1) : path;
    }
}
