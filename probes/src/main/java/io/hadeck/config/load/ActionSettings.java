package io.hadeck.config.load;

import io.hadeck.config.ClusterConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys guided actions need: {@code audit.path} (file level or per cluster),
 * {@code chefBackend.ctl} and {@code patroni.configPath}. Each is checked here so a bad value is a
 * FILE:LINE problem at load time, not a failed step at 3 a.m.
 */
final class ActionSettings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private final Problems problems;
    private final String home;

    ActionSettings(Problems problems, String home) {
        this.problems = problems;
        this.home = home;
    }

    /** {@code audit: {path: …}}; {@code fallback} when the section or its path is left out. */
    ClusterConfig.Audit audit(YamlMap parent, ClusterConfig.Audit fallback) {
        YamlMap a = parent.map("audit", "path");
        if (a == null) {
            return fallback;
        }
        String p = a.string("path");
        if (p == null) {
            return fallback;
        }
        String expanded = p.equals("~") || p.startsWith("~/") ? home + p.substring(1) : p;
        if (!Path.of(expanded).isAbsolute()) {
            problems.at(a.raw("path"), a.where("path") + " is '" + p + "'; write an absolute path (or one starting with ~/)");
            return fallback;
        }
        return new ClusterConfig.Audit(Path.of(expanded).normalize());
    }

    /** {@code chefBackend: {ctl: "sudo chef-backend-ctl", vip: 10.0.0.10}}: the command words run on a node, the backend VIP. */
    ClusterConfig.ChefBackend chefBackend(YamlMap cluster) {
        YamlMap c = cluster.map("chefBackend", "ctl", "vip");
        String ctl = c == null ? null : c.string("ctl");
        String vip = c == null ? null : c.host("vip");
        return new ClusterConfig.ChefBackend(ctl == null ? ClusterConfig.ChefBackend.defaults().ctl()
                : List.of(ctl.split("\\s+")), vip);
    }

    /** {@code patroni.configPath}: absolute, {@code {node}} the only placeholder. */
    String patroniConfigPath(YamlMap patroni) {
        return nodePath(patroni, "configPath", "the node's Patroni YAML, e.g. /etc/patroni/{node}.yml");
    }

    /** {@code postgres.log}: where each node's PostgreSQL log is (absolute; {@code {node}}; a glob picks the newest). */
    String postgresLog(YamlMap postgres) {
        return nodePath(postgres, "log", "the node's PostgreSQL log, e.g. /var/log/postgresql/postgresql-15-main.log");
    }

    /** A path on each node: absolute, {@code {node}} the only placeholder, no white space nor control characters. */
    private String nodePath(YamlMap map, String key, String what) {
        String p = map.string(key);
        if (p == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(p);
        while (m.find()) {
            if (!m.group(1).equals("node")) {
                problems.at(map.raw(key), map.where(key) + " has '{" + m.group(1)
                        + "}'; the only placeholder is {node} (the node's name)");
                return null;
            }
        }
        if (!p.startsWith("/") || p.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            problems.at(map.raw(key), map.where(key) + " is '" + p
                    + "'; write the absolute path of " + what + " (no spaces)");
            return null;
        }
        return p;
    }
}
