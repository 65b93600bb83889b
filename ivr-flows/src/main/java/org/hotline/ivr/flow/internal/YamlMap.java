package org.hotline.ivr.flow.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.FlowProblem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read through SnakeYAML's compose API, so every value keeps its line. Type errors and missing
 * keys are added to the shared problem list instead of thrown: a file reports all its problems at once.
 */
final class YamlMap {

    private final Path file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<FlowProblem> problems;
    private final String where;

    YamlMap(Path file, Node node, List<FlowProblem> problems, String where) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        this.where = where;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
                if (entries.containsKey(key)) {
                    problem(tuple.getKeyNode(), where + ": key '" + key + "' appears twice");
                }
                entries.put(key, tuple);
            }
        } else if (node != null) {
            problem(node, where + " must be a mapping");
        }
    }

    int line() {
        return lineOf(node);
    }

    static int lineOf(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    int lineOf(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? line() : lineOf(tuple.getKeyNode());
    }

    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** A required scalar; null (and a problem) when missing or not a scalar. */
    String text(String key) {
        if (!has(key)) {
            problem(node, where + ": missing '" + key + "'");
            return null;
        }
        return optionalText(key, null);
    }

    String optionalText(String key, String fallback) {
        Node value = value(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem(value, where + ": '" + key + "' must be a single value");
        return fallback;
    }

    int integer(String key, int fallback, int min, int max) {
        String raw = optionalText(key, null);
        if (raw == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(raw.trim());
            if (parsed < min || parsed > max) {
                problem(value(key), where + ": '" + key + "' must be between " + min + " and " + max);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problem(value(key), where + ": '" + key + "' must be a whole number, got '" + raw + "'");
            return fallback;
        }
    }

    boolean bool(String key, boolean fallback) {
        String raw = optionalText(key, null);
        if (raw == null) {
            return fallback;
        }
        if (!raw.equals("true") && !raw.equals("false")) {
            problem(value(key), where + ": '" + key + "' must be true or false");
            return fallback;
        }
        return Boolean.parseBoolean(raw);
    }

    YamlMap map(String key) {
        Node value = value(key);
        return value == null ? null : new YamlMap(file, value, problems, where + "." + key);
    }

    /** The scalars of a sequence; problems for non-scalar items. */
    List<String> texts(String key) {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, where + ": '" + key + "' must be a list");
            return List.of();
        }
        return sequence.getValue().stream().map(item -> {
            if (item instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            problem(item, where + ": items of '" + key + "' must be single values");
            return "";
        }).toList();
    }

    List<YamlMap> maps(String key) {
        Node value = value(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, where + ": '" + key + "' must be a list");
            return List.of();
        }
        return sequence.getValue().stream()
                .map(item -> new YamlMap(file, item, problems, where + "." + key + "[]")).toList();
    }

    /** Problems for keys this mapping does not know (typos must not pass silently). */
    void rejectUnknown(Set<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                problem(entry.getValue().getKeyNode(), where + ": unknown key '" + entry.getKey() + "'");
            }
        }
    }

    void problem(Node at, String message) {
        problems.add(new FlowProblem(file, lineOf(at), message));
    }

    void problem(int line, String message) {
        problems.add(new FlowProblem(file, line, message));
    }

    String where() {
        return where;
    }
}
