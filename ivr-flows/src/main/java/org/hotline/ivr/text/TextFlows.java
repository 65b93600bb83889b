package org.hotline.ivr.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.ivr.flow.Flow;
import org.hotline.ivr.flow.FlowProblem;
import org.hotline.ivr.flow.FlowSet;
import org.hotline.ivr.flow.Prompt;
import org.hotline.ivr.flow.PromptCatalogue;
import org.hotline.ivr.flow.PromptRef;
import org.hotline.ivr.flow.TextRules;
import org.hotline.ivr.flow.internal.TextRulesReader;

/**
 * A flow set checked for text: every flow has valid {@code text:} rules and every prompt they name exists in
 * each of its complete languages. Built from the same {@link FlowSet} the voice engine runs.
 */
public final class TextFlows {

    /** Prompts the host sends itself (not tied to a node); each must exist in every complete language. */
    public static final List<String> HOST_PROMPTS = List.of("text_too_long", "text_unreadable", "text_slow_down");

    private final FlowSet set;
    private final Map<String, TextRules> rules;

    private TextFlows(FlowSet set, Map<String, TextRules> rules) {
        this.set = set;
        this.rules = Map.copyOf(rules);
    }

    /** Checks {@code set} for text; every problem with file and line. */
    public static Result check(FlowSet set) {
        List<FlowProblem> problems = new ArrayList<>();
        Map<String, TextRules> rules = new LinkedHashMap<>();
        for (Flow flow : set.flows().values()) {
            TextRules read = TextRulesReader.read(flow, problems);
            if (read != null) {
                rules.put(flow.id(), read);
                promptsExist(set, flow, read, problems);
            }
        }
        return problems.isEmpty() ? new Result.Ready(new TextFlows(set, rules)) : new Result.Rejected(problems);
    }

    /** The outcome of {@link #check}. */
    public sealed interface Result {
        record Ready(TextFlows flows) implements Result {}

        record Rejected(List<FlowProblem> problems) implements Result {
            public Rejected {
                problems = List.copyOf(problems);
            }
        }
    }

    private static void promptsExist(FlowSet set, Flow flow, TextRules rules, List<FlowProblem> problems) {
        List<PromptRef> refs = Stream.concat(rules.prompts().values().stream(), Stream.of(rules.help())).toList();
        List<PromptRef> host = HOST_PROMPTS.stream().map(id -> new PromptRef(id, rules.line())).toList();
        for (String language : flow.languages()) {
            PromptCatalogue catalogue = set.catalogues().get(language);
            for (PromptRef ref : Stream.concat(refs.stream(), host.stream()).toList()) {
                if (catalogue == null || catalogue.find(ref.id()).isEmpty()) {
                    problems.add(new FlowProblem(flow.source(), ref.line(), "text prompt '" + ref.id()
                            + "' is missing in the '" + language + "' catalogue"));
                }
            }
        }
    }

    public FlowSet set() {
        return set;
    }

    public Flow flow(String id) {
        return set.flow(id).orElseThrow(() -> new IllegalArgumentException("no flow " + id));
    }

    public TextRules rules(String flowId) {
        return rules.get(flowId);
    }

    /**
     * The words of a prompt in {@code language} as text, the text replacement of the flow applied; a prompt
     * missing in that language comes in the flow's default language.
     */
    public String text(Flow flow, String language, String promptId) {
        String id = rules(flow.id()).textPrompt(promptId);
        return find(language, id).or(() -> find(flow.defaultLanguage(), id)).map(Prompt::text).orElse(id);
    }

    /** Whether {@code language} has its own text for the prompt (false means the default language is used). */
    public boolean translated(Flow flow, String language, String promptId) {
        return find(language, rules(flow.id()).textPrompt(promptId)).isPresent();
    }

    private Optional<Prompt> find(String language, String promptId) {
        PromptCatalogue catalogue = language == null ? null : set.catalogues().get(language);
        return catalogue == null ? Optional.empty() : catalogue.find(promptId);
    }
}
