package io.hadeck.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The search order of {@link ConfigLoader#locate}; says every place it looked when nothing is found. */
final class ConfigLocator {

    private ConfigLocator() {
    }

    static Path locate(String explicit, Map<String, String> env, Path home, Path workingDir, Path jarDir) {
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
        tried.add(home.resolve(".config/hadeck/config.yaml"));
        String labDir = env.get("HADECK_LAB_DIR");
        if (labDir != null && !labDir.isBlank()) {
            tried.add(Path.of(labDir, "hadeck.yaml"));
        }
        addRepoLab(workingDir, tried);
        addRepoLab(jarDir, tried);
        for (Path p : tried) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ConfigException("no configuration found; give --config FILE or set $HADECK_CONFIG (looked in: "
                + String.join(", ", tried.stream().map(Path::toString).toList()) + ")");
    }

    /** <repo>/.lab/hadeck.yaml for the nearest parent holding scripts/lab. */
    private static void addRepoLab(Path start, List<Path> tried) {
        for (Path p = start == null ? null : start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/lab"))) {
                Path candidate = p.resolve(".lab/hadeck.yaml");
                if (!tried.contains(candidate)) {
                    tried.add(candidate);
                }
                return;
            }
        }
    }

    static Path jarDir() {
        try {
            var src = ConfigLocator.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
