package io.hadeck.config.load;

import io.hadeck.config.Secret;
import io.hadeck.files.FileModes;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A credential in the configuration: only by reference, {@code {file: PATH}} or {@code {env: VARIABLE}}.
 * An inline value is an error whose message never repeats the value; a file others can read is refused.
 */
final class SecretReference {
    private SecretReference() {
    }

    /**
     * The credential under {@code key} of {@code parent}, null (and a problem) when it is not a
     * reference to a file only its owner can read, or to an environment variable.
     */
    static Secret read(YamlMap parent, String key) {
        Problems problems = parent.problems();
        String where = parent.where(key);
        Node n = parent.raw(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode) {
            problems.at(n, where + " must not be written inline (the value is not shown here): put it in a file "
                    + "readable only by you and write " + key + ": {file: /path/to/file}, or use " + key
                    + ": {env: VARIABLE}");
            return null;
        }
        YamlMap m = YamlMap.of(problems, where, n, "file", "env");
        if (m == null) {
            return null;
        }
        if (m.has("file") == m.has("env")) {
            problems.at(n, where + " needs exactly one of file: or env:");
            return null;
        }
        String file = m.string("file");
        String env = m.string("env");
        if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problems.at(m.raw("env"), where + ".env is not an environment variable name");
            return null;
        }
        if (file != null) {
            var unsafe = FileModes.secretProblem(java.nio.file.Path.of(file));
            if (unsafe.isPresent()) {
                problems.at(m.raw("file"), where + " refers to " + file + ", but " + unsafe.get());
                return null;
            }
        }
        return file != null ? Secret.file(file) : env != null ? Secret.env(env) : null;
    }
}
