package io.hadeck.console.commands;

import io.hadeck.actions.runbook.Confirmer;
import io.hadeck.config.Secret;
import io.hadeck.config.Tls;
import io.hadeck.console.init.ConfigDraft;
import io.hadeck.console.line.CommandException;
import io.hadeck.files.FileModes;
import io.hadeck.probe.discover.ClusterDiscovery;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code hadeck init}'s credentials and TLS material, as options: each password only as a file only its
 * owner can read (or an environment variable's name for etcd), asked for at a terminal when missing,
 * each path made absolute for the config that names it. One line and exit 2 for anything else.
 */
public class InitCredentials {
    @Option(names = "--etcd-user", paramLabel = "USER", description = "etcd user (etcd with auth enabled).") String etcdUser;
    @Option(names = "--etcd-password-file", paramLabel = "FILE", description = "File holding the etcd user's password (owner-only).") String etcdPasswordFile;
    @Option(names = "--etcd-password-env", paramLabel = "VARIABLE", description = "Environment variable holding the etcd user's password; the config names the variable, never the password.") String etcdPasswordEnv;
    @Option(names = "--cert", paramLabel = "FILE", description = "etcd client certificate (an etcd that requires one; with --key).") String cert;
    @Option(names = "--key", paramLabel = "FILE", description = "Key of the etcd client certificate (owner-only).") String key;
    @Option(names = "--patroni-user", paramLabel = "USER", description = "Patroni REST user (default: the YAML's restapi user).") String patroniUser;
    @Option(names = "--patroni-password-file", paramLabel = "FILE") String patroniPasswordFile;
    @Option(names = "--pg-user", paramLabel = "USER", defaultValue = "hadeck_monitor", description = "PostgreSQL monitoring role (default: ${DEFAULT-VALUE}).") String pgUser;
    @Option(names = "--pg-password-file", paramLabel = "FILE") String pgPasswordFile;
    @Option(names = "--pg-database", paramLabel = "DB", defaultValue = "postgres") String pgDatabase;
    @Option(names = "--pg-sslmode", paramLabel = "MODE", description = "disable | require | verify-ca | verify-full") String pgSslmode;
    @Option(names = {"--ca", "--cacert"}, paramLabel = "FILE", description = "CA of the https endpoints found (else the system trust store).") String ca;

    /** The password files: from the options, else asked for at a terminal; each must exist and be the owner's only. */
    ConfigDraft.Secrets secrets(boolean patroni, Confirmer asked) {
        if (patroni) {
            patroniPasswordFile = ask(asked, patroniPasswordFile, "--patroni-password-file",
                    "File holding the Patroni REST API password (empty: none):");
            pgPasswordFile = ask(asked, pgPasswordFile, "--pg-password-file",
                    "File holding the password of PostgreSQL role " + pgUser + " (empty: none):");
        }
        return new ConfigDraft.Secrets(etcdUser, secretFile("--etcd-password-file", etcdPasswordFile), patroniUser,
                secretFile("--patroni-password-file", patroniPasswordFile), pgUser,
                secretFile("--pg-password-file", pgPasswordFile), pgDatabase, pgSslmode, absolute(ca),
                etcdPasswordEnv, absolute(cert), secretFile("--key", key));
    }

    private static String ask(Confirmer c, String given, String option, String question) {
        if (given != null || c == null || !c.present()) {
            return given;
        }
        return c.ask(question + " [" + option + "]").filter(s -> !s.isBlank()).orElse(null);
    }

    /** An absolute path to a file that exists and only its owner can read; else one line, exit 2. */
    private static String secretFile(String option, String file) {
        if (file == null) {
            return null;
        }
        Path p = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw CommandException.usage("init: " + option + " " + file + ": no such file");
        }
        FileModes.secretProblem(p).ifPresent(why -> {
            throw CommandException.usage("init: " + option + " " + file + ": " + why);
        });
        return p.toString();
    }

    /** A path as the operator typed it, made absolute: the config is read from anywhere later. */
    static String absolute(String path) {
        return path == null || path.startsWith("~/") ? path : Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** The CA of the https endpoints found, when given. */
    Tls tls() {
        return ca == null ? null : new Tls(ca, null, null);
    }

    /** etcd's TLS: the CA, and a client certificate with its key (both or neither). */
    private Tls etcdTls() {
        if ((cert == null) != (key == null)) {
            throw CommandException.usage("init: --cert and --key go together (etcd's client certificate and its key)");
        }
        if (cert == null) {
            return tls();
        }
        if (!Files.isRegularFile(Path.of(cert))) {
            throw CommandException.usage("init: --cert " + cert + ": no such file");
        }
        return new Tls(ca, absolute(cert), secretFile("--key", key));
    }

    /** How discovery logs in to etcd: the user, the password by reference, the TLS material. */
    ClusterDiscovery.EtcdAccess etcdAccess() {
        return new ClusterDiscovery.EtcdAccess(etcdUser, etcdPassword(), etcdTls());
    }

    /** etcd's password: from a file or an environment variable, never from the command line. */
    private Secret etcdPassword() {
        if (etcdPasswordFile != null && etcdPasswordEnv != null) {
            throw CommandException.usage("init: give --etcd-password-file or --etcd-password-env, not both");
        }
        if (etcdPasswordEnv != null) {
            String v = System.getenv(etcdPasswordEnv);
            if (v == null || v.isEmpty()) {
                throw CommandException.usage("init: --etcd-password-env " + etcdPasswordEnv + ": that variable is not set");
            }
            return Secret.env(etcdPasswordEnv);
        }
        return etcdPasswordFile == null ? null : Secret.file(secretFile("--etcd-password-file", etcdPasswordFile));
    }

    /** Patroni REST's Authorization header value, when a user and a password file were given. */
    String restAuthorization() {
        String user = patroniUser;
        String pw = secretFile("--patroni-password-file", patroniPasswordFile);
        if (user == null || pw == null) {
            return null;
        }
        return new io.hadeck.config.ClusterConfig.Patroni(null, null, user, Secret.file(pw), null)
                .basicAuthorization().orElse(null);
    }
}
