package io.hadeck.config.load;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, so `config check` can list them all at once. */
public final class Problems {

    private final String file;
    private final List<Problem> list = new ArrayList<>();

    public Problems(String file) {
        this.file = file;
    }

    public void at(Node node, String message) {
        at(node == null ? 0 : node.getStartMark().getLine() + 1, message);
    }

    public void at(int line, String message) {
        list.add(new Problem(file, line, message));
    }

    /** In file order (stable: problems of one line keep the order they were found in). */
    public List<Problem> all() {
        return list.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public String file() {
        return file;
    }
}
