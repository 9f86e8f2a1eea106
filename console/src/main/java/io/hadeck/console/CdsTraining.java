package io.hadeck.console;

import io.hadeck.actions.runbook.Confirmer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's training run for the AOT cache (JDK 25, JEP 483/514/515): the JVM records every
 * class a run loads and links, and the method profiles, and a later run maps them in instead of
 * loading them from the jars. A run of `--version` would record none of the readers, so this runs
 * the one-shot commands an operator starts most (`status`, `status --json`, `config check`, `help`)
 * against a cluster whose every endpoint is a closed local port: the etcd, PostgreSQL, Patroni and
 * Elasticsearch clients and the ssh readers of a DRBD+keepalived pair load, connect and fail, fast
 * and with no server needed (the package's cache is trained on this alone). Then, when the
 * operator's own configuration is found (the `--config` of the command that triggered the training,
 * or the usual search), one read-only `status --json` against it: the answering paths (JSON
 * parsing, SCRAM, findings on real data) are only seen there, and measured, that run is what makes
 * the cache pay (a lab `status --json`: ~0.57 s with it, ~0.75 s with the closed ports alone).
 * Nothing is printed.
 */
final class CdsTraining {

    static final String ARG = "--cds-training";

    private CdsTraining() {
    }

    private static final List<String> CONFIG = List.of(
            "clusters:",
            "  - name: training",
            "    manager: patroni",
            "    etcd: {endpoints: [http://127.0.0.1:1]}",
            "    postgres: {user: training, sslmode: disable}",
            "    timeouts: {connect: 1s, read: 1s}",
            "    ssh: {port: 1, connectTimeout: 1s}",
            "    nodes:",
            "      - name: node-1",
            "        host: 127.0.0.1",
            "        etcd: http://127.0.0.1:1",
            "        postgres: 127.0.0.1:1",
            "        patroni: http://127.0.0.1:1",
            "        elasticsearch: http://127.0.0.1:1",
            // A keepalived pair too: its ssh readers (DRBD and the pair layer) load and fail as the rest do.
            "      - name: pair-a",
            "        host: 127.0.0.1",
            "        drbd: {resources: [r0], via: ssh}",
            "        peer: pair-b",
            "        keepalived: {vip: 192.0.2.1, mount: /srv, services: [postgresql]}",
            "      - name: pair-b",
            "        host: 127.0.0.1",
            "        drbd: {resources: [r0], via: ssh}",
            "        peer: pair-a",
            "        keepalived: {vip: 192.0.2.1, mount: /srv, services: [postgresql]}");

    /** @param operatorConfig the operator's `--config`, or null for the usual search */
    static int run(String operatorConfig) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path config = null;
        try {
            config = Files.createTempFile("hadeck-cds-training", ".yaml");
            Files.write(config, CONFIG);
            String f = config.toString();
            List<String> real = operatorConfig == null ? List.of("status", "--json")
                    : List.of("--config", operatorConfig, "status", "--json");
            for (List<String> argv : List.of(List.of("--version"), List.of("help"), List.of("--config", f, "config", "check"),
                    List.of("--config", f, "status", "--json"), List.of("--config", f, "status"), real)) {
                Main.run(argv.toArray(String[]::new), quiet, quiet, Confirmer.NOBODY);
            }
            return 0;
        } catch (IOException e) {
            return 1;   // no archive this time; hadeck runs without one
        } finally {
            if (config != null) {
                config.toFile().delete();
            }
        }
    }
}
