package org.hotline.ivr.flow;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a flow runs over text (SMS, chat), from the flow file's {@code text:} section. The nodes are the voice
 * flow's own; these rules only say what text cannot do the same way.
 *
 * @param skip nodes passed over in text (audio-only nodes such as {@code record} must be listed): a skipped
 *     consent goes to {@code onNo}, a skipped record to {@code onNoConsent}, anything else to {@code next}
 * @param prompts voice prompt id → the prompt sent instead in text (e.g. a safety notice that names keywords)
 * @param help the prompt answered to the {@code help} keyword
 * @param keywords role ({@code stop}, {@code help}, {@code danger}) → language → words, matched in any case;
 *     every word works whatever language the session is in
 * @param line the line of the {@code text:} key, for problems found later
 */
public record TextRules(List<SkipRef> skip, Map<String, PromptRef> prompts, PromptRef help,
                        Map<String, Map<String, List<String>>> keywords, int line) {

    /** The roles a keyword may have. */
    public static final List<String> ROLES = List.of("stop", "help", "danger");

    /** A node listed under {@code text.skip}, with its line. */
    public record SkipRef(String node, int line) {}

    public TextRules {
        skip = List.copyOf(skip);
        prompts = Map.copyOf(prompts);
        keywords = Map.copyOf(keywords);
    }

    /** Whether a node is passed over in text. */
    public boolean skips(String nodeId) {
        return skip.stream().anyMatch(s -> s.node().equals(nodeId));
    }

    /** The prompt id to send in text for a voice prompt id. */
    public String textPrompt(String promptId) {
        PromptRef replacement = prompts.get(promptId);
        return replacement == null ? promptId : replacement.id();
    }

    /** The role of a message that is exactly one keyword of any language, if it is one. */
    public Optional<String> role(String message) {
        String word = message.strip().toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Map<String, List<String>>> role : keywords.entrySet()) {
            for (List<String> words : role.getValue().values()) {
                if (words.stream().anyMatch(w -> w.toUpperCase(Locale.ROOT).equals(word))) {
                    return Optional.of(role.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
