package io.hadeck.console.init;

import io.hadeck.config.KeepalivedConfig;
import io.hadeck.probe.discover.FoundCluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration `hadeck init` writes, as YAML text in the shape of the README's example: one
 * cluster per Patroni scope found, and the DRBD pair as a cluster of its own. Every value is a
 * double-quoted YAML string (JSON's escaping, which YAML reads), so nothing read from a cluster can
 * change the file's structure. Secrets are written only as {@code {file: PATH}}.
 */
public record ConfigDraft(List<FoundCluster> clusters, String firstName, Secrets secrets, Ssh ssh, Pair pair,
                          boolean insecure, String source) {

    /**
     * Users and the files holding their passwords; any may be null (then that part is left out). etcd's
     * password may instead name an environment variable ({@code etcdPasswordEnv}); etcd's client
     * certificate and key ({@code etcdCert}, {@code etcdKey}) are paths, written beside the CA.
     */
    public record Secrets(String etcdUser, String etcdPasswordFile, String patroniUser, String patroniPasswordFile,
                          String pgUser, String pgPasswordFile, String pgDatabase, String pgSslmode, String ca,
                          String etcdPasswordEnv, String etcdCert, String etcdKey) {
    }

    /** The ssh settings for DRBD pair nodes and node-level actions; null user: no ssh block. */
    public record Ssh(String user, int port, String identity, String knownHosts) {
    }

    /** A DRBD pair: two nodes, the resources found on them, and keepalived in front of them (its block may be null). */
    public record Pair(String name, List<PairNode> nodes, List<String> resources, PairKeepalived keepalived) {
    }

    public record PairNode(String name, String host) {
    }

    public String render() {
        StringBuilder y = new StringBuilder();
        y.append("# Written by hadeck init from ").append(oneLine(source)).append(".\n")
                .append("# Secrets are never inline: each password is {file: PATH}, a file only its owner can read.\n");
        List<String> names = names();
        y.append("default: ").append(q(names.get(0))).append("\nclusters:\n");
        for (int i = 0; i < clusters.size(); i++) {
            patroniCluster(y, names.get(i), clusters.get(i));
        }
        if (pair != null) {
            pairCluster(y, names.get(names.size() - 1));
        }
        return y.toString();
    }

    /** Cluster names: --name for the first, else each scope; a repeated scope gets -2, -3… */
    public List<String> names() {
        List<String> wanted = new ArrayList<>();
        clusters.forEach(c -> wanted.add(c.scope()));
        if (pair != null) {
            wanted.add(pair.name());
        }
        if (firstName != null && !wanted.isEmpty()) {
            wanted.set(0, firstName);
        }
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            String n = w;
            for (int k = 2; !seen.add(n); k++) {
                n = w + "-" + k;
            }
            out.add(n);
        }
        return out;
    }

    private void patroniCluster(StringBuilder y, String name, FoundCluster c) {
        y.append("  - name: ").append(q(name)).append("\n    manager: patroni\n");
        if (insecure) {
            y.append("    insecure: true   # passwords without verified TLS are accepted (a loopback lab only)\n");
        }
        if (!c.etcdEndpoints().isEmpty()) {
            y.append("    etcd:\n      endpoints: ").append(list(c.etcdEndpoints())).append('\n');
            credentials(y, "username", secrets.etcdUser(), secrets.etcdPasswordFile());
            if (secrets.etcdPasswordEnv() != null) {
                y.append("      password: {env: ").append(q(secrets.etcdPasswordEnv())).append("}\n");
            }
            etcdTls(y, c.etcdEndpoints());
        }
        y.append("    patroni:\n      scope: ").append(q(c.scope())).append("\n      namespace: ").append(q(c.namespace()))
                .append('\n');
        credentials(y, "username", secrets.patroniUser() != null ? secrets.patroniUser() : c.restUser(), secrets.patroniPasswordFile());
        tls(y, c.members().stream().map(FoundCluster.Member::patroni).filter(java.util.Objects::nonNull).toList());
        y.append("    postgres:\n      database: ").append(q(secrets.pgDatabase())).append('\n');
        credentials(y, "user", secrets.pgUser(), secrets.pgPasswordFile());
        if (secrets.pgSslmode() != null) {
            y.append("      sslmode: ").append(q(secrets.pgSslmode())).append('\n');
        }
        sshBlock(y);
        y.append("    nodes:\n");
        for (FoundCluster.Member m : c.members()) {
            y.append("      - name: ").append(q(m.name())).append("\n        host: ").append(q(m.host())).append('\n');
            field(y, "etcd", m.etcd());
            field(y, "postgres", m.postgres());
            field(y, "patroni", m.patroni());
        }
    }

    private void pairCluster(StringBuilder y, String name) {
        y.append("  - name: ").append(q(name)).append("\n    manager: none\n");
        sshBlock(y);
        KeepalivedConfig k = pair.keepalived() == null ? null : pair.keepalived().config();
        String why = pair.keepalived() == null ? null : pair.keepalived().why();
        if (k == null) {
            // what init could not read (the services live in the cluster script): the operator adds
            // them, and the comment says how
            y.append("    # keepalived in front of the pair").append(why == null ? "" : " (" + oneLine(why) + ")")
                    .append(": add to each node\n")
                    .append("    #   keepalived: {vip: ADDRESS, mount: PATH, services: [NAME, ...]}\n")
                    .append("    # and hadeck reads VRRP, the VIP, the mount and the services, and offers `pair handover`.\n");
        } else if (why != null) {
            y.append("    # keepalived: ").append(oneLine(why)).append('\n');
        }
        y.append("    nodes:\n");
        List<PairNode> n = pair.nodes();
        for (int i = 0; i < n.size(); i++) {
            y.append("      - name: ").append(q(n.get(i).name())).append("\n        host: ").append(q(n.get(i).host()))
                    .append("\n        drbd: {resources: ").append(list(pair.resources())).append(", via: ssh}\n")
                    .append("        peer: ").append(q(n.get(1 - i).name())).append('\n');
            if (k != null) {
                y.append("        keepalived: {vip: ").append(q(k.vip()))
                        .append(k.mount() == null ? "" : ", mount: " + q(k.mount()))
                        .append(", services: ").append(list(k.services())).append("}\n");
            }
        }
    }

    private void sshBlock(StringBuilder y) {
        if (ssh == null || ssh.user() == null) {
            return;
        }
        y.append("    ssh:\n      user: ").append(q(ssh.user())).append("\n      port: ").append(ssh.port()).append('\n');
        if (ssh.identity() != null) {
            y.append("      identity: ").append(q(ssh.identity())).append('\n');
        }
        if (ssh.knownHosts() != null) {
            y.append("      knownHosts: ").append(q(ssh.knownHosts())).append('\n');
        }
    }

    private static void credentials(StringBuilder y, String userKey, String user, String passwordFile) {
        if (user != null) {
            y.append("      ").append(userKey).append(": ").append(q(user)).append('\n');
        }
        if (passwordFile != null) {
            y.append("      password: {file: ").append(q(passwordFile)).append("}\n");
        }
    }

    /** etcd's CA, and its client certificate when one was given (an etcd with --client-cert-auth). */
    private void etcdTls(StringBuilder y, List<String> urls) {
        if (secrets.etcdCert() == null || urls.stream().noneMatch(u -> u.startsWith("https:"))) {
            tls(y, urls);
            return;
        }
        y.append("      tls: {");
        if (secrets.ca() != null) {
            y.append("ca: ").append(q(secrets.ca())).append(", ");
        }
        y.append("cert: ").append(q(secrets.etcdCert())).append(", key: ").append(q(secrets.etcdKey())).append("}\n");
    }

    private void tls(StringBuilder y, List<String> urls) {
        if (secrets.ca() != null && urls.stream().anyMatch(u -> u.startsWith("https:"))) {
            y.append("      tls: {ca: ").append(q(secrets.ca())).append("}\n");
        }
    }

    private static void field(StringBuilder y, String key, String value) {
        if (value != null) {
            y.append("        ").append(key).append(": ").append(q(value)).append('\n');
        }
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(ConfigDraft::q).toList()) + "]";
    }

    /** A double-quoted YAML scalar: JSON's escaping (control characters as \\uXXXX), which YAML reads. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
