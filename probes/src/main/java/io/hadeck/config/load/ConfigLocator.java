package io.hadeck.config.load;

import io.hadeck.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The search order of {@link ConfigLoader#locate}: only the documented places. Never the working
 * directory or anything above it: entering an untrusted checkout and running hadeck must not run
 * that checkout's configuration (scripts/hadeck passes the lab's config explicitly instead).
 */
final class ConfigLocator {

    private ConfigLocator() {
    }

    static final Path SYSTEM = Path.of("/etc/hadeck/config.yaml");

    static Path locate(String explicit, Map<String, String> env, Path home, Path system) {
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("--config " + explicit + ": no such file");
            }
            return p;
        }
        String fromEnv = env.get("HADECK_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path p = Path.of(fromEnv);
            if (!Files.isRegularFile(p)) {
                throw new ConfigException("$HADECK_CONFIG=" + fromEnv + ": no such file");
            }
            return p;
        }
        List<Path> tried = new ArrayList<>();
        String xdg = env.get("XDG_CONFIG_HOME");
        tried.add((xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("hadeck/config.yaml"));
        tried.add(system);
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ConfigException("no configuration found; give --config FILE or set $HADECK_CONFIG (looked in: "
                + String.join(", ", tried.stream().map(Path::toString).toList()) + ")");
    }
}
