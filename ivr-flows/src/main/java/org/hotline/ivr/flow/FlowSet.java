package org.hotline.ivr.flow;

import java.util.Map;
import java.util.Optional;

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
}
