package org.hotline.ivr.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every flow and prompt catalogue of one load, validated together. A call takes the current set when it starts
 * and keeps it to the end, so a reload never changes a call in progress.
 */
public record FlowSet(Map<String, Flow> flows, Map<String, PromptCatalogue> catalogues) {

    public FlowSet {
        flows = Map.copyOf(flows);
        catalogues = Map.copyOf(catalogues);
    }

    public Optional<Flow> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    /** Every language a caller can be served in: one per prompt catalogue, sorted. */
    public List<String> languages() {
        return catalogues.keySet().stream().sorted().toList();
    }

    /** Languages every flow lists as complete (a prompt missing there is a load error). */
    public Set<String> completeLanguages() {
        Set<String> complete = new TreeSet<>(catalogues.keySet());
        flows.values().forEach(f -> complete.retainAll(f.languages()));
        return complete;
    }

    /**
     * The prompts each partial language lacks (they play in the flow's default language), by language, in
     * prompt order; languages lacking none are left out.
     */
    public Map<String, List<String>> missingPrompts() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (Flow flow : flows.values()) {
            for (String language : flow.partialLanguages()) {
                PromptCatalogue catalogue = catalogues.get(language);
                for (String id : UsedPrompts.of(flow)) {
                    if (catalogue != null && catalogue.find(id).isEmpty()) {
                        List<String> list = missing.computeIfAbsent(language, l -> new ArrayList<>());
                        if (!list.contains(id)) {
                            list.add(id);
                        }
                    }
                }
            }
        }
        return missing;
    }
}
