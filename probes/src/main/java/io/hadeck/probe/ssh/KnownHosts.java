package io.hadeck.probe.ssh;

import io.hadeck.probe.ProbeException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether a known_hosts file holds a node's host key, asked of OpenSSH's own {@code ssh-keygen -F}
 * (it reads hashed entries and the {@code [host]:port} form as ssh does). hadeck never adds a key:
 * the operator checks the fingerprint first.
 */
public final class KnownHosts {

    private KnownHosts() {
    }

    /** The file ssh would use for this target: its knownHosts, else ~/.ssh/known_hosts. */
    public static Path fileOf(NodeTarget t) {
        return t.knownHosts() != null ? Path.of(t.knownHosts())
                : Path.of(System.getProperty("user.home", "."), ".ssh", "known_hosts");
    }

    /** Empty when the key is there, else why not and the command that adds it. */
    public static java.util.Optional<String> problem(NodeTarget t) {
        Path file = fileOf(t);
        String name = t.port() == 22 || t.port() == 0 ? t.host() : "[" + t.host() + "]:" + t.port();
        String keyscan = "ssh-keyscan" + (t.port() == 22 || t.port() == 0 ? "" : " -p " + t.port()) + " " + t.host()
                + " >> " + file + " (after checking the fingerprint)";
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.of("known_hosts file " + file + " does not exist; fix it: " + keyscan);
        }
        try {
            Process p = new ProcessBuilder(List.of("ssh-keygen", "-F", name, "-f", file.toString()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ProbeException("ssh-keygen -F did not answer within 5 s");
            }
            return p.exitValue() == 0 ? java.util.Optional.empty()
                    : java.util.Optional.of("no host key for " + name + " in " + file + "; fix it: " + keyscan);
        } catch (IOException e) {
            throw new ProbeException("cannot run ssh-keygen (install openssh-client): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted");
        }
    }
}
