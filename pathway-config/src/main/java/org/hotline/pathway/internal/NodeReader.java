package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.DUPLICATE_KEY;
import static org.hotline.pathway.ProblemCodes.MISSING_KEY;
import static org.hotline.pathway.ProblemCodes.UNKNOWN_KEY;
import static org.hotline.pathway.ProblemCodes.UNRESOLVED_VARIABLE;
import static org.hotline.pathway.ProblemCodes.WRONG_TYPE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of a composed YAML node tree. Every wrong shape becomes a problem with its line and path
 * and the reader returns null (or an empty list), so parsing goes on and all problems are found in one pass.
 */
final class NodeReader {

    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final Problems problems;
    private final Map<String, String> env;

    NodeReader(Problems problems, Map<String, String> env) {
        this.problems = problems;
        this.env = env;
    }

    Problems problems() {
        return problems;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /**
     * The entries of a mapping by key (in file order), after reporting unknown, duplicate and missing keys.
     * Returns null when the node is not a mapping.
     */
    Map<String, Node> mapping(Node node, String path, Set<String> required, Set<String> optional) {
        if (!(node instanceof MappingNode map)) {
            wrongType(node, path, "a mapping (key: value lines)");
            return null;
        }
        problems.mark(path, node);
        var entries = new LinkedHashMap<String, Node>();
        for (var tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                wrongType(tuple.getKeyNode(), path, "a plain key");
                continue;
            }
            String key = keyNode.getValue();
            String keyPath = child(path, key);
            if (!required.contains(key) && !optional.contains(key)) {
                problems.at(keyNode, keyPath, UNKNOWN_KEY, "unknown key '" + key + "'"
                        + DidYouMean.hint(key, sortedUnionSet(required, optional))
                        + "; expected one of " + sortedUnion(required, optional));
                continue;
            }
            if (entries.containsKey(key)) {
                problems.at(keyNode, keyPath, DUPLICATE_KEY, "key '" + key + "' appears more than once");
                continue;
            }
            problems.mark(keyPath, tuple.getValueNode());
            entries.put(key, tuple.getValueNode());
        }
        for (String key : required) {
            if (!entries.containsKey(key)) {
                problems.at(node, child(path, key), MISSING_KEY, "missing required key '" + key + "'");
            }
        }
        return entries;
    }

    /** The items of a sequence, or an empty list (and a problem) when the node is not a sequence. */
    List<Node> sequence(Node node, String path) {
        if (node instanceof SequenceNode seq) {
            var items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                problems.mark(index(path, i), items.get(i));
            }
            return items;
        }
        if (!isNull(node)) {
            wrongType(node, path, "a list");
        }
        return List.of();
    }

    /** A non-empty scalar as text with ${VAR:-default} resolved, or null (with a problem). */
    String text(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            wrongType(node, path, "text");
            return null;
        }
        var resolved = Interpolation.resolve(scalar.getValue(), env);
        if (resolved.unresolved() != null) {
            problems.at(node, path, UNRESOLVED_VARIABLE, "variable ${" + resolved.unresolved()
                    + "} is not set and has no default (write ${" + resolved.unresolved() + ":-value})");
            return null;
        }
        var text = resolved.text().trim();
        if (text.isEmpty()) {
            wrongType(node, path, "non-empty text");
            return null;
        }
        return text;
    }

    /** Optional text: null when the node is absent. */
    String optionalText(Node node, String path) {
        return node == null ? null : text(node, path);
    }

    Boolean bool(Node node, String path) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            var v = scalar.getValue().trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(v)) {
                return true;
            }
            if (FALSE.contains(v)) {
                return false;
            }
        }
        wrongType(node, path, "true or false");
        return null;
    }

    /** One text or a list of texts, as a list; null when the node is absent. */
    List<String> texts(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode && !isNull(node)) {
            var t = text(node, path);
            return t == null ? List.of() : List.of(t);
        }
        return textList(node, path);
    }

    /** A list of texts (items that are not text are reported and skipped). */
    List<String> textList(Node node, String path) {
        var out = new ArrayList<String>();
        var items = sequence(node, path);
        for (int i = 0; i < items.size(); i++) {
            var t = text(items.get(i), index(path, i));
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private void wrongType(Node node, String path, String expected) {
        String found = switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when isNull(s) -> "nothing";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> node.getNodeId().name();
        };
        problems.at(node, path, WRONG_TYPE, "expected " + expected + " but found " + found);
    }

    private static Set<String> sortedUnionSet(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String sortedUnion(Set<String> a, Set<String> b) {
        return String.join(", ", sortedUnionSet(a, b));
    }
}
