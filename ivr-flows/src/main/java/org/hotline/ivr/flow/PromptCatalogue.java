package org.hotline.ivr.flow;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The prompts of one language, from {@code flows/prompts/<language>.yaml}. */
public record PromptCatalogue(String language, Map<String, Prompt> prompts, Path source) {

    public PromptCatalogue {
        prompts = Map.copyOf(prompts);
    }

    public Optional<Prompt> find(String promptId) {
        return Optional.ofNullable(prompts.get(promptId));
    }
}
