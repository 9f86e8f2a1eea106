package io.hadeck.actions.ha;

import io.hadeck.actions.ActionException;
import io.hadeck.actions.remote.RemoteShell;
import io.hadeck.actions.remote.ShellResult;
import io.hadeck.config.ClusterConfig;
import io.hadeck.config.NodeConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Patroni through its REST API: POST /switchover, POST /failover, PATCH /config (pause). The
 * nofailover tag has no REST call in Patroni 3.0.2: it lives in the node's YAML, so it is edited
 * over ssh and the node is told to reload (POST /reload, what {@code patronictl reload} does).
 */
public final class PatroniManager implements HaManager {
    /** Patroni blocks a switchover request until the move is done (~3 s in the lab). */
    static final Duration MOVE_TIMEOUT = Duration.ofSeconds(30);

    /** Edits tags.nofailover in place; $1 = file, $2 = true|false. Prints the resulting line. */
    static final String SET_NOFAILOVER = "f=$1; v=$2; [ -w \"$f\" ] || { echo \"cannot write $f\" >&2; exit 3; }; "
            + "if grep -qE '^[[:space:]]+nofailover:' \"$f\"; then sed -i -E \"s/^([[:space:]]+nofailover:).*/\\1 $v/\" \"$f\"; "
            + "elif grep -qE '^tags:[[:space:]]*$' \"$f\"; then sed -i -E \"s/^tags:[[:space:]]*$/tags:\\n  nofailover: $v/\" \"$f\"; "
            + "else printf 'tags:\\n  nofailover: %s\\n' \"$v\" >> \"$f\"; fi; grep -E '^[[:space:]]+nofailover:' \"$f\"";

    /**
     * Stops the node's postmaster the way its own tools would: data_dir and bin_dir from its Patroni
     * YAML ($1), {@code pg_ctl stop -m fast}, then what pg_controldata says of the stopped cluster
     * (state, last checkpoint: where its WAL ends). Run over ssh as the node's postgres user.
     */
    static final String STOP_POSTGRES = "f=$1; [ -r \"$f\" ] || { echo \"cannot read $f\" >&2; exit 3; }; "
            + "d=$(sed -n -E 's/^[[:space:]]+data_dir:[[:space:]]*//p' \"$f\" | head -1 | tr -d \"\\\"'\"); "
            + "b=$(sed -n -E 's/^[[:space:]]+bin_dir:[[:space:]]*//p' \"$f\" | head -1 | tr -d \"\\\"'\"); "
            + "[ -n \"$d\" ] || { echo \"no postgresql.data_dir in $f\" >&2; exit 3; }; "
            + "[ -n \"$b\" ] || b=$(dirname \"$(command -v pg_ctl || ls -d /usr/lib/postgresql/*/bin/pg_ctl | tail -1)\"); "
            + "\"$b/pg_ctl\" stop -D \"$d\" -m fast -w -t 60 >&2 || exit $?; "
            + "\"$b/pg_controldata\" -D \"$d\" | grep -E '^(Database cluster state|Latest checkpoint location|Latest checkpoint.s TimeLineID):'";

    private final ClusterConfig cluster;
    private final PatroniRest rest;
    private final RemoteShell shell;
    private final String configPathPattern;
    private final Duration sshTimeout;

    /**
     * @param configPathPattern the node's Patroni YAML, {@code {node}} replaced by the node name
     *                          (lab: {@code $LAB_DIR/data/patroni/{node}.yml})
     */
    /** The node YAML pattern from the configuration ({@code patroni.configPath}). */
    public PatroniManager(ClusterConfig cluster, RemoteShell shell) {
        this(cluster, shell, cluster.patroni() != null ? cluster.patroni().configPath()
                : ClusterConfig.Patroni.DEFAULT_CONFIG_PATH);
    }

    public PatroniManager(ClusterConfig cluster, RemoteShell shell, String configPathPattern) {
        this.cluster = cluster;
        this.shell = shell;
        this.configPathPattern = configPathPattern;
        Duration connect = cluster.timeouts() != null ? cluster.timeouts().connect() : Duration.ofSeconds(2);
        Duration read = cluster.timeouts() != null ? cluster.timeouts().read() : Duration.ofSeconds(3);
        this.rest = new PatroniRest(cluster.patroni(), connect, read);
        this.sshTimeout = Duration.ofSeconds(15);
    }

    @Override
    public String name() {
        return "patroni";
    }

    @Override
    public Call switchover(String from, String to) {
        String url = api(from);
        String body = "{\"leader\":\"" + from + "\",\"candidate\":\"" + to + "\"}";
        return new Call("POST " + url + "/switchover " + body, () -> move(url, "/switchover", body));
    }

    @Override
    public Call failover(String to) {
        String url = api(to);
        String body = "{\"candidate\":\"" + to + "\"}";
        return new Call("POST " + url + "/failover " + body, () -> move(url, "/failover", body));
    }

    @Override
    public Call setClusterFailover(boolean enabled) {
        // pause: null removes the key (Patroni's own resume); pause: true stops automatic failover
        String body = enabled ? "{\"pause\":null}" : "{\"pause\":true}";
        return new Call("PATCH " + firstApi() + "/config " + body + " (next node's API if that one does not answer)", () -> {
            List<String> errors = new ArrayList<>();
            for (String url : apis()) {
                PatroniRest.Reply r;
                try {
                    r = rest.send(url, "/config", "PATCH", body, Duration.ofSeconds(5));
                } catch (ActionException unreachable) {
                    errors.add(unreachable.getMessage());
                    continue;
                }
                if (!r.ok()) {
                    throw new ActionException("Patroni at " + url + " refused " + body + ": HTTP " + r.status() + " " + r.oneLine());
                }
                return "Patroni accepted " + body + " at " + url;
            }
            throw new ActionException("no Patroni API answered: " + String.join("; ", errors));
        });
    }

    @Override
    public Call setNodeFailover(String node, boolean allowed) {
        NodeConfig n = node(node);
        String file = configPath(node);
        List<String> argv = List.of("sh", "-c", SET_NOFAILOVER, "sh", file, Boolean.toString(!allowed));
        String url = api(node);
        return new Call(shell.describe(n, argv) + " && POST " + url + "/reload", () -> {
            ShellResult r = shell.run(n, argv, sshTimeout);
            if (!r.ok()) {
                throw new ActionException("could not set nofailover in " + file + " on " + node + ": exit " + r.exitCode()
                        + " " + r.firstLine());
            }
            PatroniRest.Reply reload = rest.send(url, "/reload", "POST", null, Duration.ofSeconds(10));
            if (!reload.ok()) {
                throw new ActionException("Patroni on " + node + " refused to reload: HTTP " + reload.status() + " "
                        + reload.oneLine());
            }
            return node + ": " + r.stdout().strip() + "; " + reload.oneLine();
        });
    }

    /**
     * Patroni 3.0.2 has no REST call that stops PostgreSQL and keeps it stopped, so the postmaster is
     * stopped with pg_ctl over ssh; a Patroni still running there starts it again as a standby when
     * it does not hold the leader key (and rewinds it), which is what a fence wants too.
     */
    @Override
    public Call stopPostgres(String node) {
        NodeConfig n = node(node);
        String file = configPath(node);
        List<String> argv = List.of("sh", "-c", STOP_POSTGRES, "sh", file);
        return new Call(shell.describe(n, argv), () -> {
            ShellResult r = shell.run(n, argv, Duration.ofSeconds(90));
            if (!r.ok()) {
                throw new ActionException("could not stop PostgreSQL on " + node + ": exit " + r.exitCode() + " "
                        + r.firstLine());
            }
            return r.stdout().strip().replaceAll("\\s*\n\\s*", "; ").replaceAll(":\\s+", ": ");
        });
    }

    /** POST /reinitialize {"force": true}: Patroni stops the node, wipes its data and clones it from the leader. */
    @Override
    public Call reinitialize(String node) {
        return post(node, "/reinitialize", "{\"force\":true}", Duration.ofSeconds(15), "reinitialize");
    }

    /** POST /restart {}: Patroni restarts PostgreSQL in its role and answers when it is up again. */
    @Override
    public Call restart(String node) {
        return post(node, "/restart", "{}", MOVE_TIMEOUT.multipliedBy(2), "restart");
    }

    /** POST /reload: what patronictl reload does. */
    @Override
    public Call reload(String node) {
        return post(node, "/reload", null, Duration.ofSeconds(10), "reload");
    }

    private Call post(String node, String path, String body, Duration timeout, String verb) {
        String url = api(node);
        return new Call("POST " + url + path + (body == null ? "" : " " + body), () -> {
            PatroniRest.Reply r = rest.send(url, path, "POST", body, timeout);
            if (!r.ok()) {
                throw new ActionException("Patroni on " + node + " refused to " + verb + ": HTTP " + r.status() + " "
                        + r.oneLine());
            }
            return r.oneLine();
        });
    }

    @Override
    public String howToEnableClusterFailover() {
        return "resume Patroni: hadeck set-cluster-failover on (PATCH /config {\"pause\":null}, like patronictl resume)";
    }

    @Override
    public ManagerWords words() {
        return ManagerWords.PATRONI;
    }

    public String configPath(String node) {
        return configPathPattern.replace("{node}", node);
    }

    private String move(String url, String path, String body) {
        PatroniRest.Reply r = rest.send(url, path, "POST", body, MOVE_TIMEOUT);
        if (!r.ok()) {
            throw new ActionException("Patroni at " + url + " refused " + path.substring(1) + ": HTTP " + r.status()
                    + " " + r.oneLine());
        }
        return r.oneLine();
    }

    private NodeConfig node(String name) {
        return cluster.node(name).orElseThrow(() -> new ActionException("no node named " + name + " in cluster "
                + cluster.name()));
    }

    private String api(String node) {
        NodeConfig n = node(node);
        if (n.patroni() == null) {
            throw new ActionException(node + " has no Patroni API in the configuration");
        }
        return PatroniRest.strip(n.patroni());
    }

    private List<String> apis() {
        return cluster.nodes().stream().filter(n -> n.patroni() != null).map(n -> PatroniRest.strip(n.patroni())).toList();
    }

    private String firstApi() {
        List<String> a = apis();
        if (a.isEmpty()) {
            throw new ActionException("no node of cluster " + cluster.name() + " has a Patroni API in the configuration");
        }
        return a.get(0);
    }
}
