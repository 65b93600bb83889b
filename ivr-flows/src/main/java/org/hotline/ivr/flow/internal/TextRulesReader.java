package org.hotline.ivr.flow.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.PromptRef;
import org.hotline.ivr.flow.TextRules;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a flow file's {@code text:} section (how the flow runs over SMS and chat) and checks it against the
 * flow: every problem is collected with its line. The voice reader accepts the section and leaves it alone, so
 * a voice deployment never depends on it.
 */
public final class TextRulesReader {

    private static final Set<String> SKIPPABLE = Set.of("record", "followup_record", "consent", "play");

    private TextRulesReader() {}

    /** The text rules of {@code flow}, or null (with a problem) when it has none or they are invalid. */
    public static TextRules read(Flow flow, List<FlowProblem> problems) {
        int before = problems.size();
        Node root = FlowFileReader.compose(flow.source(), problems);
        YamlMap top = root == null ? null : new YamlMap(flow.source(), root, new ArrayList<>(), "flow");
        YamlMap text = top == null ? null : top.map("text");
        if (text == null) {
            problems.add(new FlowProblem(flow.source(), 0, "flow " + flow.id()
                    + ": no 'text' section, so it cannot run over SMS or chat"));
            return null;
        }
        text = new YamlMap(flow.source(), top.value("text"), problems, "flow.text");
        text.rejectUnknown(Set.of("skip", "prompts", "help", "keywords"));
        List<TextRules.SkipRef> skip = skip(flow, text);
        audioOnlyListed(flow, skip, text);
        Map<String, PromptRef> prompts = new LinkedHashMap<>();
        YamlMap promptMap = text.map("prompts");
        if (promptMap != null) {
            for (String voice : promptMap.keys()) {
                prompts.put(voice, new PromptRef(promptMap.optionalText(voice, voice), promptMap.lineOf(voice)));
            }
        }
        String help = text.text("help");
        Map<String, Map<String, List<String>>> keywords = keywords(flow, text);
        if (problems.size() > before) {
            return null;
        }
        return new TextRules(skip, prompts, new PromptRef(help, text.lineOf("help")), keywords, top.lineOf("text"));
    }

    private static List<TextRules.SkipRef> skip(Flow flow, YamlMap text) {
        List<TextRules.SkipRef> skip = new ArrayList<>();
        for (String nodeId : text.texts("skip")) {
            FlowNode node = flow.nodes().get(nodeId);
            if (node == null) {
                text.problem(text.value("skip"), "flow.text.skip: no node '" + nodeId + "'");
            } else if (!SKIPPABLE.contains(kindName(node))) {
                text.problem(text.value("skip"), "flow.text.skip: node '" + nodeId + "' is a " + kindName(node)
                        + "; only " + SKIPPABLE + " nodes can be skipped");
            } else {
                skip.add(new TextRules.SkipRef(nodeId, YamlMap.lineOf(text.value("skip"))));
            }
        }
        return skip;
    }

    private static void audioOnlyListed(Flow flow, List<TextRules.SkipRef> skip, YamlMap text) {
        for (FlowNode node : flow.nodes().values()) {
            boolean audioOnly = node.kind() instanceof NodeKind.Record || node.kind() instanceof NodeKind.FollowUpRecord;
            if (audioOnly && skip.stream().noneMatch(s -> s.node().equals(node.id()))) {
                text.problem(node.line(), "node '" + node.id() + "' is audio-only: list it under text.skip (line "
                        + text.line() + ")");
            }
        }
    }

    private static Map<String, Map<String, List<String>>> keywords(Flow flow, YamlMap text) {
        Map<String, Map<String, List<String>>> keywords = new LinkedHashMap<>();
        YamlMap map = text.map("keywords");
        if (map == null) {
            text.problem(text.line(), "flow.text: missing 'keywords' (" + String.join(", ", TextRules.ROLES) + ")");
            return keywords;
        }
        map.rejectUnknown(Set.copyOf(TextRules.ROLES));
        Map<String, String> roleOfWord = new HashMap<>();
        for (String role : TextRules.ROLES) {
            YamlMap byLanguage = map.map(role);
            if (byLanguage == null) {
                map.problem(map.line(), "flow.text.keywords: missing '" + role + "'");
                continue;
            }
            Map<String, List<String>> words = new LinkedHashMap<>();
            for (String language : byLanguage.keys()) {
                List<String> list = byLanguage.texts(language);
                for (String word : list) {
                    String upper = word.toUpperCase(Locale.ROOT);
                    if (!word.matches("\\p{L}[\\p{L}\\p{M}-]*")) {
                        byLanguage.problem(byLanguage.value(language), "flow.text.keywords." + role + "." + language
                                + ": '" + word + "' must be a word of letters (digits are the flow's keys)");
                    }
                    String other = roleOfWord.put(upper, role);
                    if (other != null && !other.equals(role)) {
                        byLanguage.problem(byLanguage.value(language), "flow.text.keywords: '" + word
                                + "' is both a " + other + " and a " + role + " keyword");
                    }
                }
                words.put(language, list);
            }
            for (String language : flow.languages()) {
                if (!words.containsKey(language) || words.get(language).isEmpty()) {
                    byLanguage.problem(byLanguage.line(), "flow.text.keywords." + role + ": no word for language '"
                            + language + "'");
                }
            }
            keywords.put(role, words);
        }
        return keywords;
    }

    private static String kindName(FlowNode node) {
        return switch (node.kind()) {
            case NodeKind.Record r -> "record";
            case NodeKind.FollowUpRecord r -> "followup_record";
            case NodeKind.Consent c -> "consent";
            case NodeKind.Play p -> "play";
            default -> node.kind().getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
