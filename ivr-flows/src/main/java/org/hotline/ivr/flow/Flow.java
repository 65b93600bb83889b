package org.hotline.ivr.flow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One validated caller journey, loaded from a versioned flow file. Immutable: a call holds the flow it started
 * on until it ends, whatever reloads happen meanwhile.
 *
 * @param languages languages whose catalogues must hold every prompt the flow uses
 * @param partialLanguages languages being introduced: callers may choose them, and a prompt not yet translated
 *     is played in the default language (counted) until the language moves to {@code languages}; every
 *     catalogue in the prompts folder that {@code languages} does not list is one
 * @param capturesTip whether a call in this flow produces a tip (the follow-up flow does not, except on danger)
 * @param lists default keypad lists by name (e.g. {@code region}); the host may replace them
 * @param commonPrompts prompts the engine itself plays: {@code invalid}, {@code noInput}, {@code press}
 */
public record Flow(
        String id,
        int version,
        List<String> languages,
        List<String> partialLanguages,
        String defaultLanguage,
        Ref start,
        boolean capturesTip,
        Map<String, FlowNode> nodes,
        Map<String, List<Choice>> lists,
        GlobalKeys globalKeys,
        OpeningHours hours,
        Map<String, PromptRef> commonPrompts,
        Path source) {

    public Flow {
        languages = List.copyOf(languages);
        partialLanguages = List.copyOf(partialLanguages);
        nodes = Map.copyOf(nodes);
        lists = Map.copyOf(lists);
        commonPrompts = Map.copyOf(commonPrompts);
    }

    /**
     * This flow offering every language of {@code catalogued} that it does not list as complete as partial: a
     * catalogue in the prompts folder is all it takes to offer a language.
     */
    public Flow offering(java.util.Collection<String> catalogued) {
        List<String> partial = new java.util.ArrayList<>(partialLanguages);
        catalogued.stream().sorted().filter(l -> !languages.contains(l) && !partial.contains(l)).forEach(partial::add);
        return new Flow(id, version, languages, partial, defaultLanguage, start, capturesTip, nodes, lists, globalKeys,
                hours, commonPrompts, source);
    }

    /** {@code id@version}, stored on every tip this flow captured. */
    public String label() {
        return id + "@" + version;
    }

    /** Whether callers may choose this language (complete or partial). */
    public boolean offers(String language) {
        return languages.contains(language) || partialLanguages.contains(language);
    }

    /** The node with this id; the validator guarantees every reference resolves. */
    public FlowNode node(String nodeId) {
        FlowNode node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("flow " + label() + " has no node " + nodeId);
        }
        return node;
    }

    /** The id of a prompt the engine plays itself ({@code invalid}, {@code noInput}, {@code press}). */
    public String commonPrompt(String role) {
        return commonPrompts.get(role).id();
    }
}
