package org.hotline.ivr.flow.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.ivr.flow.FlowNode;
import org.hotline.ivr.flow.Input;
import org.hotline.ivr.flow.NodeKind;
import org.hotline.ivr.flow.PromptRef;
import org.hotline.ivr.flow.Ref;

/** Reads one node of a flow file; unknown kinds and keys become problems. */
final class NodeReader {

    /** The consent purposes of the Do No Harm rules; a flow may not invent others. */
    static final Set<String> PURPOSES =
            Set.of("record", "callback", "share_identity_police", "share_services", "statistics");

    private static final Set<String> COMMON = Set.of("kind", "maxVisits", "onExhausted");
    private static final Set<String> INPUT = Set.of("retries", "timeoutMs", "onFail");

    private final Input defaults;

    NodeReader(Input defaults) {
        this.defaults = defaults;
    }

    FlowNode read(String id, int line, YamlMap node) {
        String kind = node.text("kind");
        int maxVisits = node.integer("maxVisits", 0, 1, 100);
        Ref onExhausted = ref(node, "onExhausted", false);
        if (maxVisits > 0 && onExhausted == null) {
            node.problem(node.line(), node.where() + ": 'maxVisits' needs 'onExhausted'");
        }
        NodeKind parsed = kind == null ? null : kind(kind, node);
        return parsed == null ? null : new FlowNode(id, line, maxVisits, onExhausted, parsed);
    }

    private NodeKind kind(String kind, YamlMap n) {
        return switch (kind) {
            case "play" -> known(n, Set.of("prompt", "next"), new NodeKind.Play(prompt(n, "prompt"), ref(n, "next", true)));
            case "menu" -> listening(n, Set.of("prompt", "options"),
                    new NodeKind.Menu(prompt(n, "prompt"), refMap(n, "options"), input(n)));
            case "choose" -> choose(n);
            case "collect" -> listening(n, Set.of("prompt", "field", "min", "max", "next"),
                    new NodeKind.Collect(prompt(n, "prompt"), n.text("field"), n.integer("min", 1, 1, 20),
                            n.integer("max", 1, 1, 20), ref(n, "next", true), input(n)));
            case "language" -> listening(n, Set.of("prompt", "options", "next", "interpreter", "onInterpreter"),
                    new NodeKind.Language(prompt(n, "prompt"), textMap(n, "options"), ref(n, "next", true), input(n),
                            n.has("interpreter") ? textMap(n, "interpreter") : Map.of(), ref(n, "onInterpreter", false)));
            case "consent" -> consent(n);
            case "record" -> known(n, Set.of("prompt", "maxSeconds", "silenceSeconds", "next", "onNoConsent"),
                    new NodeKind.Record(prompt(n, "prompt"), n.integer("maxSeconds", 120, 5, 600),
                            n.integer("silenceSeconds", 5, 1, 60), ref(n, "next", true), ref(n, "onNoConsent", true)));
            case "reference" -> known(n, Set.of("prompt", "pinPrompt", "repeatPrompt", "unavailablePrompt", "next",
                            "onUnavailable"),
                    new NodeKind.Reference(prompt(n, "prompt"), prompt(n, "pinPrompt"), prompt(n, "repeatPrompt"),
                            prompt(n, "unavailablePrompt"), ref(n, "next", true), ref(n, "onUnavailable", true)));
            case "say_digits" -> known(n, Set.of("prompt", "field", "next"),
                    new NodeKind.SayDigits(prompt(n, "prompt"), n.text("field"), ref(n, "next", true)));
            case "set" -> known(n, Set.of("field", "value", "next"),
                    new NodeKind.SetField(n.text("field"), n.text("value"), ref(n, "next", true)));
            case "branch" -> known(n, Set.of("field", "cases", "otherwise"),
                    new NodeKind.Branch(n.text("field"), refMap(n, "cases"), ref(n, "otherwise", true)));
            case "hours" -> known(n, Set.of("open", "closed"), new NodeKind.Hours(ref(n, "open", true), ref(n, "closed", true)));
            case "emergency" -> known(n, Set.of("prompt"), new NodeKind.Emergency(prompt(n, "prompt")));
            case "operator" -> known(n, Set.of("prompt", "queue", "whenClosed"),
                    new NodeKind.Operator(prompt(n, "prompt"), n.optionalText("queue", "operators"), ref(n, "whenClosed", true)));
            case "hangup" -> known(n, Set.of("prompt"), new NodeKind.Hangup(prompt(n, "prompt")));
            case "followup_check" -> known(n, Set.of("referenceField", "pinField", "found", "wrongPin", "locked",
                            "unavailable"),
                    new NodeKind.FollowUpCheck(n.text("referenceField"), n.text("pinField"), ref(n, "found", true),
                            ref(n, "wrongPin", true), ref(n, "locked", true), ref(n, "unavailable", true)));
            case "followup_record" -> known(n, Set.of("prompt", "maxSeconds", "silenceSeconds", "next"),
                    new NodeKind.FollowUpRecord(prompt(n, "prompt"), n.integer("maxSeconds", 120, 5, 600),
                            n.integer("silenceSeconds", 5, 1, 60), ref(n, "next", true)));
            case "switch_flow" -> known(n, Set.of("flow", "at"),
                    new NodeKind.SwitchFlow(n.text("flow"), n.optionalText("at", null), n.lineOf("flow")));
            case "survey_offer" -> known(n, Set.of("flow", "next"),
                    new NodeKind.SurveyOffer(n.text("flow"), ref(n, "next", true), n.lineOf("flow")));
            case "survey_question" -> listening(n, Set.of("prompt", "question", "values", "next"),
                    new NodeKind.SurveyQuestion(prompt(n, "prompt"), n.text("question"), textMap(n, "values"),
                            ref(n, "next", true), input(n)));
            default -> {
                n.problem(n.value("kind"), n.where() + ": unknown kind '" + kind + "'");
                yield null;
            }
        };
    }

    private NodeKind choose(YamlMap n) {
        Map<String, String> values = n.has("values") ? textMap(n, "values") : Map.of();
        String list = n.optionalText("list", null);
        if (values.isEmpty() == (list == null)) {
            n.problem(n.line(), n.where() + ": a choose node needs exactly one of 'values' or 'list'");
        }
        return listening(n, Set.of("prompt", "field", "values", "list", "next"),
                new NodeKind.Choose(prompt(n, "prompt"), n.text("field"), values, list, ref(n, "next", true), input(n)));
    }

    private NodeKind consent(YamlMap n) {
        String purpose = n.text("purpose");
        if (purpose != null && !PURPOSES.contains(purpose)) {
            n.problem(n.value("purpose"), n.where() + ": unknown consent purpose '" + purpose + "', expected one of "
                    + PURPOSES.stream().sorted().toList());
        }
        return listening(n, Set.of("purpose", "wording", "prompt", "onYes", "onNo"),
                new NodeKind.Consent(purpose, n.text("wording"), prompt(n, "prompt"), ref(n, "onYes", true),
                        ref(n, "onNo", true), input(n)));
    }

    private NodeKind listening(YamlMap n, Set<String> keys, NodeKind kind) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(INPUT);
        return known(n, all, kind);
    }

    private NodeKind known(YamlMap n, Set<String> keys, NodeKind kind) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(COMMON);
        n.rejectUnknown(all);
        return kind;
    }

    private Input input(YamlMap n) {
        Ref onFail = n.has("onFail") ? ref(n, "onFail", true) : defaults.onFail();
        if (onFail == null) {
            n.problem(n.line(), n.where() + ": no 'onFail' and no default: the node has no exit when input fails");
        }
        return new Input(n.integer("retries", defaults.retries(), 0, 5),
                n.integer("timeoutMs", defaults.timeoutMs(), 1000, 30000), onFail);
    }

    static Ref ref(YamlMap n, String key, boolean required) {
        if (!n.has(key)) {
            return required ? new Ref(n.text(key), n.line()) : null;
        }
        return new Ref(n.optionalText(key, null), YamlMap.lineOf(n.value(key)));
    }

    static PromptRef prompt(YamlMap n, String key) {
        String id = n.text(key);
        return id == null ? null : new PromptRef(id, YamlMap.lineOf(n.value(key)));
    }

    private static Map<String, Ref> refMap(YamlMap n, String key) {
        YamlMap map = n.map(key);
        Map<String, Ref> refs = new LinkedHashMap<>();
        if (map == null) {
            n.problem(n.line(), n.where() + ": missing '" + key + "'");
            return refs;
        }
        for (String k : map.keys()) {
            refs.put(k, new Ref(map.optionalText(k, null), map.lineOf(k)));
        }
        return refs;
    }

    private static Map<String, String> textMap(YamlMap n, String key) {
        YamlMap map = n.map(key);
        Map<String, String> texts = new LinkedHashMap<>();
        if (map == null) {
            n.problem(n.line(), n.where() + ": missing '" + key + "'");
            return texts;
        }
        for (String k : map.keys()) {
            texts.put(k, map.optionalText(k, ""));
        }
        return texts;
    }
}
