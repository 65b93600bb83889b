package org.hotline.pathway.internal;

import static org.hotline.pathway.ProblemCodes.INVALID_VALUE;
import static org.hotline.pathway.internal.NodeReader.child;
import static org.hotline.pathway.internal.NodeReader.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.pathway.SampleTips;
import org.hotline.pathway.TipFields;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a sample tips file (see {@link SampleTips}). */
public final class SampleTipsParser {

    private static final Set<String> BOOLEAN_FIELDS = Set.of("childInvolved", "immediateDanger", "crossBorder");
    private static final Set<String> LIST_FIELDS = Set.of("needs", "controlMethods");

    private SampleTipsParser() {}

    public static SampleTips.Result parse(String yamlText, String sourceName) {
        var problems = new Problems(sourceName);
        var root = DefinitionParser.compose(yamlText, problems);
        var tips = new ArrayList<Map<String, Object>>();
        if (root != null) {
            problems.mark("", root);
            var reader = new NodeReader(problems, Map.of());
            var items = reader.sequence(root, "tips");
            for (int i = 0; i < items.size(); i++) {
                tips.add(tip(reader, items.get(i), index("tips", i)));
            }
        }
        return problems.hasErrors() ? new SampleTips.Result.Invalid(problems.sorted())
                : new SampleTips.Result.Parsed(tips);
    }

    private static Map<String, Object> tip(NodeReader reader, Node node, String path) {
        var allowed = new HashSet<>(TipFields.ALL);
        allowed.add(TipFields.CONSENTS);
        var fields = reader.mapping(node, path, Set.of(), allowed);
        var tip = new LinkedHashMap<String, Object>();
        if (fields == null) {
            return tip;
        }
        fields.forEach((key, value) -> {
            var p = child(path, key);
            Object v;
            if (key.equals(TipFields.CONSENTS)) {
                v = consents(reader, value, p);
            } else if (BOOLEAN_FIELDS.contains(key)) {
                v = reader.bool(value, p);
            } else if (LIST_FIELDS.contains(key)) {
                v = reader.texts(value, p);
            } else if (key.equals("victimCount")) {
                v = count(reader, value, p);
            } else {
                v = reader.text(value, p);
            }
            if (v != null) {
                tip.put(key, v);
            }
        });
        return tip;
    }

    private static Integer count(NodeReader reader, Node node, String path) {
        var text = reader.text(node, path);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            reader.problems().at(node, path, INVALID_VALUE, "victimCount '" + text + "' is not a whole number");
            return null;
        }
    }

    private static Map<String, Boolean> consents(NodeReader reader, Node node, String path) {
        var entries = reader.mapping(node, path, Set.of(), Set.copyOf(TipFields.CONSENT_PURPOSES));
        var out = new LinkedHashMap<String, Boolean>();
        if (entries == null) {
            return out;
        }
        entries.forEach((purpose, value) -> {
            var given = reader.bool(value, child(path, purpose));
            if (given != null) {
                out.put(purpose, given);
            }
        });
        return out;
    }
}
