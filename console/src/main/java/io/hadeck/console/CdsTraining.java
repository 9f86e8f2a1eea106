package io.hadeck.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's training run for the AppCDS archive: the JVM records every class a run loads,
 * and a later run maps them in instead of loading them from the jars. A run of `--version` would
 * record none of the readers, so this runs the one-shot commands an operator starts most
 * (`status`, `status --json`, `config check`) against a cluster whose every endpoint is a closed
 * local port: the etcd, PostgreSQL, Patroni and Elasticsearch clients load, connect and fail,
 * fast and with no server needed. Nothing is printed.
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
            "    nodes:",
            "      - name: node-1",
            "        host: 127.0.0.1",
            "        etcd: http://127.0.0.1:1",
            "        postgres: 127.0.0.1:1",
            "        patroni: http://127.0.0.1:1",
            "        elasticsearch: http://127.0.0.1:1");

    static int run() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Path config = null;
        try {
            config = Files.createTempFile("hadeck-cds-training", ".yaml");
            Files.write(config, CONFIG);
            String f = config.toString();
            for (List<String> argv : List.of(List.of("--version"), List.of("--config", f, "config", "check"),
                    List.of("--config", f, "status", "--json"), List.of("--config", f, "status"))) {
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
