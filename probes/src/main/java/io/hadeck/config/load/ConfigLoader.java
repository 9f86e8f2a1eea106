package io.hadeck.config.load;

import io.hadeck.config.ClusterConfig;
import io.hadeck.config.ConfigException;
import io.hadeck.config.HadeckConfig;
import io.hadeck.config.HookConfig;
import io.hadeck.config.JournalSettings;
import io.hadeck.files.BoundedText;
import io.hadeck.files.FileModes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the hadeck configuration (YAML, or JSON which is YAML too). Every problem
 * names FILE:LINE; {@link #check} lists them all, {@link #load} refuses on the first.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** The validated configuration, or ConfigException("FILE:LINE: message") on the first problem. */
    public static HadeckConfig load(Path file) {
        Result r = read(file);
        List<Problem> problems = r.problems().all();
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (" + (problems.size() - 1) + " more: run hadeck config check)" : "";
            throw new ConfigException(problems.get(0) + more);
        }
        return r.config();
    }

    /** Every problem of the file, empty when it is valid (for {@code hadeck config check}). */
    public static List<Problem> check(Path file) {
        return read(file).problems().all();
    }

    /**
     * Where the configuration is: --config, $HADECK_CONFIG, $XDG_CONFIG_HOME/hadeck/config.yaml
     * (default ~/.config), /etc/hadeck/config.yaml. Nowhere else.
     */
    public static Path locate(String explicit) {
        return ConfigLocator.locate(explicit, System.getenv(), Path.of(System.getProperty("user.home", ".")),
                ConfigLocator.SYSTEM);
    }

    /** The same search with the environment, home and system file given (tests). */
    public static Path locate(String explicit, Map<String, String> env, Path home, Path system) {
        return ConfigLocator.locate(explicit, env, home, system);
    }

    private record Result(HadeckConfig config, Problems problems) {
    }

    private static Result read(Path file) {
        Problems problems = new Problems(file.toString());
        String text;
        try {
            text = BoundedText.read(file, BoundedText.CONFIG_LIMIT);
        } catch (BoundedText.Refused e) {
            problems.at(0, e.getMessage().substring(file.toString().length() + 2));
            return new Result(null, problems);
        } catch (IOException e) {
            problems.at(0, "cannot read the configuration (" + e.getClass().getSimpleName() + ")");
            return new Result(null, problems);
        }
        var unsafe = FileModes.configProblem(file);
        if (unsafe.isPresent()) {
            problems.at(0, unsafe.get());
            return new Result(null, problems);
        }
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.at(mark == null ? 0 : mark.getLine() + 1, "not valid YAML: " + e.getProblem());
            return new Result(null, problems);
        } catch (YAMLException e) {
            problems.at(0, "not valid YAML: " + e.getMessage());
            return new Result(null, problems);
        }
        if (root == null) {
            problems.at(1, "the file is empty; it needs clusters: (see scripts/lab.d/hadeck.example.yaml)");
            return new Result(null, problems);
        }
        YamlMap top = YamlMap.of(problems, "the file", root, "default", "clusters", "audit", "journal", "hooks");
        if (top == null) {
            return new Result(null, problems);
        }
        List<ClusterConfig> clusters = clusters(top, problems, ClusterReader.fileAudit(problems, top));
        String def = top.string("default");
        if (def != null && clusters.stream().noneMatch(c -> c.name().equals(def))) {
            problems.at(top.raw("default"), "default: '" + def + "' names no cluster of this file");
        }
        JournalReader journal = new JournalReader(problems, System.getProperty("user.home", "."));
        JournalSettings journalSettings = journal.journal(top);
        List<HookConfig> hooks = journal.hooks(top);
        HadeckConfig cfg = problems.isEmpty()
                ? new HadeckConfig(file.toString(), def, clusters, journalSettings, hooks) : null;
        return new Result(cfg, problems);
    }

    private static List<ClusterConfig> clusters(YamlMap top, Problems problems, ClusterConfig.Audit fileAudit) {
        Node n = top.raw("clusters");
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.at(n == null ? top.node() : n, "clusters: must be a non-empty list of clusters");
            return List.of();
        }
        ClusterReader reader = new ClusterReader(problems, fileAudit);
        List<ClusterConfig> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            ClusterConfig c = reader.read(seq.getValue().get(i), i);
            if (c == null) {
                continue;
            }
            if (!names.add(c.name())) {
                problems.at(seq.getValue().get(i), "cluster name '" + c.name() + "' is used twice");
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
