package org.hotline.pathway.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.pathway.Problem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects problems for one source and remembers where each YAML path sits, so later checks that only know
 * a path (e.g. {@code rules[2].refer[0].agency}) still report the right line and column.
 */
public final class Problems {

    private final String source;
    private final Map<String, Mark> marks = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    public Problems(String source) {
        this.source = source;
    }

    void mark(String path, Node node) {
        marks.putIfAbsent(path, node.getStartMark());
    }

    /** Whether the document has a value at this path (even a malformed one, already reported). */
    public boolean present(String path) {
        return marks.containsKey(path);
    }

    /** Reports a problem at a node's position. */
    void at(Node node, String path, String code, String message) {
        add(node.getStartMark(), path, code, message);
    }

    /** Reports a problem at an explicit position (e.g. a YAML syntax error). */
    void at(Mark mark, String path, String code, String message) {
        add(mark, path, code, message);
    }

    /** Reports a problem at a known path, or at the nearest enclosing path whose position is known. */
    public void at(String path, String code, String message) {
        add(find(path), path, code, message);
    }

    private Mark find(String path) {
        var p = path;
        while (!p.isEmpty()) {
            var mark = marks.get(p);
            if (mark != null) {
                return mark;
            }
            var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return marks.get("");
    }

    private void add(Mark mark, String path, String code, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        problems.add(new Problem(source, line, column, path, code, message));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Every problem so far, by line, then column, then code. */
    public List<Problem> sorted() {
        return problems.stream()
                .sorted(Comparator.comparingInt(Problem::line)
                        .thenComparingInt(Problem::column)
                        .thenComparing(Problem::code)
                        .thenComparing(Problem::path))
                .distinct()
                .toList();
    }
}
